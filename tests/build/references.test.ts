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
import { attr, builtPage, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';
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
      '/introduction/#key-points', '/introduction/#bone-metastases-in-lung-cancer',
      '/serum-markers/#key-points', '/serum-markers/#bone-turnover-markers',
    ]);
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
  it('references.json is CSL-JSON with all 86 entries, each with its number in the review', () => {
    const items = JSON.parse(readFileSync('dist/references.json', 'utf8')) as { id: string; custom?: { reviewNumber: number } }[];
    expect(items).toHaveLength(86);
    expect(items.filter((i) => i.custom?.reviewNumber).length).toBe(85);
    expect(new Cite(items).data).toHaveLength(86);
  });

  it('references.bib parses back into 86 BibTeX entries with their keys', () => {
    const data = new Cite(readFileSync('dist/references.bib', 'utf8'), { forceType: '@biblatex/text' }).data as { id: string }[];
    expect(data).toHaveLength(86);
    expect(data.map((d) => d.id)).toContain('mundy2002');
  });

  it('references.ris parses back into 86 RIS records', () => {
    const text = readFileSync('dist/references.ris', 'utf8');
    expect(text.match(/^TY {2}- /gm)).toHaveLength(86);
    expect(new Cite(text, { forceType: '@ris/file' }).data).toHaveLength(86);
  });
});

describe('metadata for reference managers', () => {
  const meta = (path: string, name: string) =>
    selectAll(`meta[name="${name}"]`, builtPage(path).tree).map((m) => attr(m, 'content'));

  it('each chapter carries Google Scholar tags, with one citation_reference per entry of its list', () => {
    for (const path of CHAPTERS) {
      const listed = selectAll('.reference-list > li', builtPage(path).tree).length;
      expect(meta(path, 'citation_title')[0], path).toBe(toString(select('h1', builtPage(path).tree) ?? builtPage(path).tree));
      expect(meta(path, 'citation_author'), path).toEqual(['Lung cancer in bone editors']);
      expect(meta(path, 'citation_publication_date')[0], path).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(meta(path, 'citation_publisher'), path).toEqual(['Lung cancer in bone']);
      expect(meta(path, 'citation_doi'), path).toEqual(['10.5306/wjco.v5.i2.149']);
      expect(meta(path, 'citation_reference'), path).toHaveLength(listed);
    }
    expect(meta('/introduction/', 'citation_reference')).toContain(
      'citation_title=Bone turnover markers as predictors of skeletal complications in prostate cancer, lung cancer, and other solid tumors; citation_author=Brown, JE; citation_author=Cook, RJ; citation_author=Major, P; citation_author=Lipton, A; citation_author=Saad, F; citation_author=Smith, M; citation_author=Lee, KA; citation_author=Zheng, M; citation_author=Hei, YJ; citation_author=Coleman, RE; citation_journal_title=Journal of the National Cancer Institute; citation_publication_date=2005; citation_volume=97; citation_doi=10.1093/jnci/dji002; citation_pmid=15632381',
    );
  });

  it('each chapter carries schema.org JSON-LD: a ScholarlyArticle based on the review, citing its list', () => {
    for (const path of CHAPTERS) {
      const script = select('script[type="application/ld+json"]', builtPage(path).tree);
      const data = JSON.parse(toString(script ?? { type: 'root', children: [] }));
      expect(data['@type'], path).toBe('ScholarlyArticle');
      expect(data.isBasedOn.identifier, path).toBe('https://doi.org/10.5306/wjco.v5.i2.149');
      expect(data.citation, path).toHaveLength(selectAll('.reference-list > li', builtPage(path).tree).length);
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
