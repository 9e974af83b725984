/** What reference managers read from a chapter: the chapter as a page of this site, based on the review. */
import { describe, expect, it } from 'vitest';
import { chapterJsonLd, citeThisPage, scholarMetaTags } from '../../src/lib/bibliography/scholarly-meta.ts';
import { siteMeta } from '../../src/lib/site/site-meta.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
const input = {
  site: siteMeta(),
  chapterTitle: 'Serum markers for early detection of bone metastases',
  summary: 'A summary.',
  url: 'https://example.org/review/serum-markers/',
  review: bib.review,
  cited: ['pantel1996', 'roato2014ref02'].map((k) => bib.entries.get(k)).filter((e) => e !== undefined),
};
const REVIEW_DOI = '10.5306/wjco.v5.i2.149';

describe('a chapter’s metadata', () => {
  it('never declares the review’s DOI as the chapter’s own citation_doi', () => {
    const tags = scholarMetaTags(input);
    expect(tags.filter((t) => t.name === 'citation_doi')).toEqual([]);
    expect(tags.map((t) => t.content).join(' ')).not.toContain(REVIEW_DOI);
    expect(tags.find((t) => t.name === 'citation_title')?.content).toBe(input.chapterTitle);
  });

  it('describes only the chapter itself in citation_* tags: its references are listed once, in the JSON-LD', () => {
    const names = scholarMetaTags(input).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['citation_title', 'citation_author', 'citation_publication_date', 'citation_publisher']));
    expect(names).not.toContain('citation_reference');
    const citation = chapterJsonLd(input)['citation'] as string[];
    expect(citation.length).toBeGreaterThan(0);
    for (const c of citation) expect(c).toMatch(/^https:\/\//);
  });

  it('describes the page in JSON-LD as a web page and chapter of the site, based on the review', () => {
    const data = chapterJsonLd(input);
    expect(data['@type']).toEqual(['WebPage', 'Chapter']);
    expect(data['url']).toBe(input.url);
    expect(data['isPartOf']).toEqual({ '@type': 'WebSite', name: siteMeta().title, url: 'https://example.org/review/' });
    expect(data['isBasedOn']).toMatchObject({ '@type': 'ScholarlyArticle', identifier: `https://doi.org/${REVIEW_DOI}` });
    expect(JSON.stringify({ ...data, isBasedOn: undefined })).not.toContain(REVIEW_DOI);
  });

  it('the cite box cites the chapter as a web page and points to the review, whose citation carries the DOI', () => {
    const cite = citeThisPage(input);
    expect(cite.chapterVancouver).toMatch(/\[Internet\].*Available from: https:\/\/example\.org\/review\/serum-markers\/$/);
    expect(cite.chapterVancouver + cite.chapterBibtex).not.toContain(REVIEW_DOI);
    expect(cite.chapterBibtex).toMatch(/note = \{Based on Roato I\. Bone metastases/);
    expect(cite.reviewVancouver).toMatch(new RegExp(`doi:${REVIEW_DOI.replace(/\./g, '\\.')}$`));
  });
});
