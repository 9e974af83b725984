/**
 * References in the built site: back-references, the /references/ page, the three exports, and the
 * metadata reference managers read from each chapter.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { attr, builtPage, builtPages, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
const reviewNumber = (key: string) => bib.entries.get(key)?.reviewNumber;
const ids = (path: string) => new Set(selectAll('[id]', builtPage(path).tree).map((el) => attr(el, 'id')));

describe('back-references', () => {
  it('every entry of every chapter list links back to each citation of it, and only to those', () => {
    for (const path of CHAPTERS) {
      const { tree } = builtPage(path);
      for (const li of selectAll('.reference-list > li', tree)) {
        const key = attr(li, 'id').replace(/^bib-/, '');
        const targets = selectAll('.backref', li).map((a) => attr(a, 'href').slice(1));
        const citing = selectAll('.prose .citation', tree).filter((c) => attr(c, 'dataCites').split(' ').includes(key)).map((c) => attr(c, 'id'));
        expect(targets, `${path} ${key}`).toEqual(citing);
      }
    }
  });
});

describe('one numbering: every citation shows the review’s number', () => {
  /** Every citation group of every built page, with the page it is on. */
  const groups = [...builtPages().values()].flatMap((page) => selectAll('.citation', page.tree).map((el) => ({ page, el })));

  it('the site has citation groups on chapters and factor pages, ranges among them', () => {
    expect(groups.filter((g) => CHAPTERS.includes(g.page.path)).length).toBeGreaterThan(50);
    expect(groups.filter((g) => g.page.path.startsWith('/factors/')).length).toBeGreaterThan(50);
    expect(groups.filter((g) => toString(g.el).includes('–')).length).toBeGreaterThanOrEqual(4);
  });

  it('every number of every group links to the entry of that number in the review, on the same page', () => {
    for (const { page, el } of groups) {
      for (const a of selectAll('a', el)) {
        const key = attr(a, 'href').replace(/^#bib-/, '');
        const where = `${page.path} ${attr(el, 'dataCites')}`;
        expect(toString(a), where).toBe(String(reviewNumber(key)));
        const li = select(`li#bib-${key}`, page.tree);
        expect(attr(li, 'value'), where).toBe(String(reviewNumber(key)));
      }
    }
  });

  it('every group reads as exactly the review numbers of its keys: a range "5–8" covers 5, 6, 7 and 8', () => {
    for (const { page, el } of groups) {
      const shown = toString(el)
        .replace(/[()]/g, '')
        .split(',')
        .flatMap((part) => {
          const [a, b] = part.split('–').map(Number);
          return b === undefined ? [a] : Array.from({ length: (b ?? 0) - (a ?? 0) + 1 }, (_, i) => (a ?? 0) + i);
        });
      const expected = attr(el, 'dataCites').split(' ').map(reviewNumber);
      expect(shown, `${page.path} ${attr(el, 'dataCites')}`).toEqual(expected);
    }
  });

  it('the denosumab range in osteoclast factors reads 45–47, its 47 linked to reference 47', () => {
    const group = selectAll('.citation', builtPage('/osteoclast-factors/').tree).find((c) => attr(c, 'dataCites') === 'stopeck2010 scagliotti2012 roato2014ref47');
    expect(toString(group ?? { type: 'root', children: [] })).toBe('(45–47)');
    expect(selectAll('a', group).map((a) => attr(a, 'href'))).toEqual(['#bib-stopeck2010', '#bib-roato2014ref47']);
  });

  it('each chapter’s reference list follows the review’s numbering: serum markers reads 3, 7, 72–85', () => {
    const values = (path: string) => selectAll('.reference-list > li', builtPage(path).tree).map((li) => Number(attr(li, 'value')));
    expect(values('/serum-markers/')).toEqual([3, 7, ...Array.from({ length: 14 }, (_, i) => 72 + i)]);
    for (const path of CHAPTERS) expect(values(path), path).toEqual([...values(path)].sort((a, b) => a - b));
  });

  it('a factor page numbers its citations and its list as the review does', () => {
    const { tree } = builtPage('/factors/pthrp/');
    const values = selectAll('.reference-list > li', tree).map((li) => Number(attr(li, 'value')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const li of selectAll('.reference-list > li', tree)) expect(attr(li, 'value')).toBe(String(reviewNumber(attr(li, 'id').replace(/^bib-/, ''))));
  });
});

describe('identification badges', () => {
  it('every entry of every reference list has one badge, linking to the explanation on /references/', () => {
    for (const page of builtPages().values()) {
      for (const li of selectAll('.reference-list > li', page.tree)) {
        const badges = selectAll('a.ref-status', li);
        expect(badges.map((b) => attr(b, 'href')), `${page.path} ${attr(li, 'id')}`).toEqual(['/references/#identification']);
        expect(attr(badges[0], 'dataConfidence'), `${page.path} ${attr(li, 'id')}`).toBe(attr(li, 'dataConfidence'));
      }
    }
    expect(toString(select('#bib-langer2010 .ref-status', builtPage('/introduction/').tree) ?? { type: 'root', children: [] })).toBe('Confirmed');
  });
});

describe('the references page', () => {
  const { tree } = builtPage('/references/');
  const items = selectAll('ol.all-references > li', tree);

  it('lists the 85 references in the review’s numbering, each at an anchor equal to its key', () => {
    expect(items.map((li) => Number(attr(li, 'value')))).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    expect(attr(items[29], 'id')).toBe('mundy2002');
    expect(select('#roato2014review', tree)).toBeTruthy();
  });

  it('shows each entry’s DOI and PubMed links and its identification status', () => {
    const brown = select('#brown2005', tree);
    const hrefs = selectAll('a', brown).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['https://doi.org/10.1093/jnci/dji002', 'https://pubmed.ncbi.nlm.nih.gov/15632381/']));
    expect(toString(select('#ferlay2013', tree) ?? tree)).toContain('Reference 1 of the review; possible source:');
    expect(toString(select('#roato2014ref47', tree) ?? tree)).toContain('Reference 47 of the review, not yet identified');
  });

  it('links every reference to the chapter sections that cite it, and every link resolves', () => {
    for (const li of items) {
      const links = selectAll('.cited-in a', li);
      expect(links.length, attr(li, 'id')).toBeGreaterThan(0);
      for (const a of links) {
        const [path, hash] = attr(a, 'href').split('#');
        expect(CHAPTERS, attr(a, 'href')).toContain(path);
        if (hash) expect(ids(path ?? '/'), attr(a, 'href')).toContain(hash);
      }
    }
    const brownSections = selectAll('#brown2005 .cited-in a', tree).map((a) => attr(a, 'href'));
    expect(brownSections).toEqual([
      '/introduction/#key-points',
      '/introduction/#bone-metastases-in-lung-cancer',
      '/serum-markers/#key-points',
      '/serum-markers/#bone-turnover-markers',
    ]);
  });

  it('explains, under #identification, what each badge means and how references were identified', () => {
    const section = select('section.identification', tree);
    expect(select('h2#identification', section)).toBeTruthy();
    const text = toString(section ?? tree).replace(/\s+/g, ' ');
    expect(text).toContain('Confirmed (9)');
    expect(text).toContain('Source found, record incomplete (7)');
    expect(text).toContain('Identified from the citing sentence (30)');
    expect(text).toContain('Uncertain (26)');
    expect(text).toContain('Not yet identified (13)');
    expect(text).toMatch(/PubMed, PMC and the journals’ own pages/);
  });

  it('says which identified references still have incomplete records, and each one says what it lacks without a "Confirmed" badge', () => {
    const note = toString(select('#incomplete-references', tree) ?? tree).replace(/\s+/g, ' ');
    expect(note).toContain('Incomplete records: 19 identified references (numbers 1, 6, 9, 14, 21, 27, 29, 39, 43, 54, 63, 68, 69, 73–75, 79, 83, 84)');
    const kuo = toString(select('#kuo2013', tree) ?? tree).replace(/\s+/g, ' ');
    expect(kuo).toContain('Record incomplete: authors, journal and year not yet known.');
    expect(toString(select('#kuo2013 .ref-status', tree) ?? tree)).toBe('Source found, record incomplete');
    expect(toString(select('#roato2008', tree) ?? tree)).toContain('Record incomplete: title not yet known.');
    expect(toString(select('#langer2010 .ref-status', tree) ?? tree)).toBe('Confirmed');
  });

  it('says which reference numbers the BibTeX and RIS downloads leave out, and why', () => {
    const text = toString(select('#missing-references', tree) ?? tree).replace(/\s+/g, ' ');
    const missing = bib.byReviewNumber.filter((e) => e.confidence === 'unidentified').map((e) => e.reviewNumber);
    expect(missing).toHaveLength(13);
    expect(text).toContain('(13 in all)');
    expect(text).toContain('No source has been found for them yet');
    const listed = (/references ([\d, –]+) of the review/.exec(text)?.[1] ?? '').split(', ').flatMap((part) => {
      const [a = 0, b] = part.split('–').map(Number);
      return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
    expect(listed).toEqual(missing);
  });

  it('shows the note on gong2014 (ref 55) with its entry', () => {
    expect(toString(select('#gong2014', tree) ?? tree).replace(/\s+/g, ' ')).toContain(
      'Note: The review calls the model NSCLC, but the cited study used small cell lung cancer (SCLC) cells.',
    );
  });

  it('is kept out of the search index', () => {
    expect(select('[data-pagefind-body]', tree)).toBeUndefined();
  });

  it('links the three exports', () => {
    const hrefs = selectAll('.exports a', tree).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(['/references.bib', '/references.ris', '/references.json']);
  });
});

describe('exports of the bibliography', () => {
  it('references.json is CSL-JSON with all 86 entries, each with its number in the review, and no empty author', () => {
    const items = JSON.parse(readFileSync('dist/references.json', 'utf8')) as { id: string; author?: object[]; custom?: { reviewNumber: number } }[];
    expect(items).toHaveLength(86);
    expect(items.filter((i) => i.custom?.reviewNumber).length).toBe(85);
    expect(items.flatMap((i) => i.author ?? []).filter((a) => Object.keys(a).length === 0)).toEqual([]);
    expect(new Cite(items).data).toHaveLength(86);
  });

  it('references.bib parses back into the review and its 72 identified references, truncated lists ending "and others"', () => {
    const text = readFileSync('dist/references.bib', 'utf8');
    const data = new Cite(text, { forceType: '@biblatex/text' }).data as { id: string }[];
    expect(data).toHaveLength(73);
    expect(data.map((d) => d.id)).toContain('mundy2002');
    expect(data.map((d) => d.id)).not.toContain('roato2014ref02');
    expect(text.match(/ and others\},$/gm)).toHaveLength(12);
  });

  it('references.ris is one tag line per field, and parses back into 73 records', () => {
    const text = readFileSync('dist/references.ris', 'utf8');
    expect(text.split('\n').filter((line) => line !== '' && !/^[A-Z][A-Z0-9] {2}- /.test(line))).toEqual([]);
    expect(text.match(/^TY {2}- /gm)).toHaveLength(73);
    expect(new Cite(text, { forceType: '@ris/file' }).data).toHaveLength(73);
  });
});

describe('metadata for reference managers', () => {
  const meta = (path: string, name: string) =>
    selectAll(`meta[name="${name}"]`, builtPage(path).tree).map((m) => attr(m, 'content'));

  it('each chapter carries Google Scholar tags for itself; its references are not repeated as citation_reference tags', () => {
    for (const path of CHAPTERS) {
      expect(meta(path, 'citation_title')[0], path).toBe(toString(select('h1', builtPage(path).tree) ?? builtPage(path).tree));
      expect(meta(path, 'citation_author'), path).toEqual(['Lung cancer in bone editors']);
      expect(meta(path, 'citation_publication_date')[0], path).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(meta(path, 'citation_publisher'), path).toEqual(['Lung cancer in bone']);
      // The DOI is the review's, not the chapter's: a chapter must not claim it.
      expect(meta(path, 'citation_doi'), path).toEqual([]);
      expect(meta(path, 'citation_reference'), path).toEqual([]);
    }
  });

  it('each chapter carries schema.org JSON-LD: a web page and chapter of this site, based on the review, citing its list', () => {
    for (const path of CHAPTERS) {
      const script = select('script[type="application/ld+json"]', builtPage(path).tree);
      const data = JSON.parse(toString(script ?? { type: 'root', children: [] }));
      expect(data['@type'], path).toEqual(['WebPage', 'Chapter']);
      expect(data.isPartOf, path).toEqual({ '@type': 'WebSite', name: 'Lung cancer in bone', url: expect.stringMatching(/\/$/) });
      expect(data.url, path).toMatch(new RegExp(`${path}$`));
      expect(JSON.stringify({ ...data, isBasedOn: undefined }), path).not.toContain('wjco.v5.i2.149');
      expect(data.isBasedOn['@type'], path).toBe('ScholarlyArticle');
      expect(data.isBasedOn.identifier, path).toBe('https://doi.org/10.5306/wjco.v5.i2.149');
      // Every listed work that has a DOI or a link is cited by that address, once.
      const addresses = selectAll('.reference-list > li', builtPage(path).tree).length;
      if (addresses === 0) expect(data.citation, path).toEqual([]);
      else expect(data.citation.length, path).toBeGreaterThan(0);
      expect(data.citation.length, path).toBeLessThanOrEqual(addresses);
      expect(new Set(data.citation).size, path).toBe(data.citation.length);
      for (const c of data.citation) expect(c, path).toMatch(/^https?:\/\//);
    }
  });

  it('each page has OpenGraph title and description', () => {
    for (const path of [...CHAPTERS, '/', '/references/']) {
      const og = (p: string) => selectAll(`meta[property="${p}"]`, builtPage(path).tree).map((m) => attr(m, 'content'));
      expect(og('og:title')[0]?.length, path).toBeGreaterThan(3);
      expect(og('og:description')[0]?.length, path).toBeGreaterThan(20);
    }
  });

  it('each chapter ends with how to cite it and the review, in Vancouver and BibTeX', () => {
    const { tree } = builtPage('/serum-markers/');
    const text = (id: string) => toString(select(`#${id}`, tree) ?? tree);
    expect(text('cite-chapter-vancouver')).toMatch(/^Lung cancer in bone editors\. Serum markers for early detection of bone metastases \[Internet\]/);
    expect(text('cite-chapter-bibtex')).toMatch(/^@misc\{/);
    expect(text('cite-review-vancouver')).toBe('Roato I. Bone metastases: When and how lung cancer interacts with bone. World Journal of Clinical Oncology. 2014;5(2):149–55. doi:10.5306/wjco.v5.i2.149');
    expect(text('cite-review-bibtex')).toMatch(/^@article\{roato2014review,/);
  });
});
