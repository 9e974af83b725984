import { describe, expect, it } from 'vitest';
import { referenceRecord } from '../../src/lib/search/reference-records.ts';
import { decodeCitedIn, encodeCitedIn } from '../../src/lib/search/cited-in.ts';
import { indexedText } from '../../src/lib/search/indexed-text.ts';
import type { BibEntry } from '../../src/lib/bibliography/bibliography.ts';

const entry = (over: Partial<BibEntry> = {}): BibEntry => ({
  key: 'stopeck2010',
  reviewNumber: 45,
  confidence: 'medium',
  line: 1,
  csl: {
    id: 'stopeck2010',
    type: 'article-journal',
    title: 'Denosumab compared with zoledronic acid for the treatment of bone metastases in patients with advanced breast cancer',
    'container-title': 'Journal of Clinical Oncology',
    author: [{ family: 'Stopeck', given: 'AT' }, { family: 'Lipton', given: 'A' }],
    issued: { 'date-parts': [[2010]] },
  },
  ...over,
});

describe('references as search records', () => {
  it('a record links to the entry on /references/ and carries its number and identification', () => {
    const r = referenceRecord(entry(), '/references/', [{ label: 'Osteoclast factors: Blocking RANKL in the clinic', href: '/osteoclast-factors/#anti-rankl-antibody' }]);
    expect(r.url).toBe('/references/#stopeck2010');
    expect(r.number).toBe(45);
    expect(r.confidence).toBe('Identified from the citing sentence');
    expect(r.title).toMatch(/^Stopeck et al\., 2010, Denosumab compared/);
    expect(r.citedIn).toHaveLength(1);
  });

  it('authors, title words, journal and year are searchable text', () => {
    const { content } = referenceRecord(entry(), '/references/', []);
    for (const w of ['Stopeck AT', 'Lipton A', 'zoledronic acid', 'Journal of Clinical Oncology', '2010']) expect(content).toContain(w);
  });

  it('an unidentified reference says so and offers no invented words', () => {
    const r = referenceRecord(entry({ confidence: 'unidentified', key: 'roato2014ref02', reviewNumber: 2 }), '/review/references/', []);
    expect(r.url).toBe('/review/references/#roato2014ref02');
    expect(r.title).toBe('Reference 2 (not yet identified)');
    expect(r.content).not.toContain('Stopeck');
  });

  it('citing sections survive the trip through a Pagefind meta value', () => {
    const cited = [
      { label: 'Introduction: The burden of lung cancer', href: '/introduction/#burden' },
      { label: 'Serum markers: Imaging', href: '/serum-markers/#imaging-and-tumour-markers' },
    ];
    expect(decodeCitedIn(encodeCitedIn(cited))).toEqual(cited);
    expect(decodeCitedIn(undefined)).toEqual([]);
  });
});

describe('the text the index reads, for the vocabulary', () => {
  it('is the indexed region without its ignored parts', () => {
    const html = '<html><body><header>Site menu</header><main data-pagefind-body><h1>Bone</h1><p>Osteoclasts resorb.</p><nav data-pagefind-ignore>Contents</nav></main></body></html>';
    const text = indexedText(html);
    expect(text).toContain('Osteoclasts resorb');
    expect(text).not.toContain('Contents');
    expect(text).not.toContain('Site menu');
  });
});
