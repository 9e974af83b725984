/**
 * The built site, read from dist/ once: contract URLs, citations, reference lists, search index.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { attr, builtPage, builtPages, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';

describe('pages at their published URLs', () => {
  it.each(['/', ...CHAPTERS, '/search/'])('%s exists', (path) => {
    expect(builtPage(path).html.length).toBeGreaterThan(500);
  });

  it('every page is in English, has a skip link to main, and a header, nav, main and footer', () => {
    for (const page of builtPages().values()) {
      // Embed pages are bare by design (tests/build/teaching.test.ts checks them).
      if (page.path.startsWith('/embed/')) continue;
      expect(attr(select('html', page.tree), 'lang'), page.path).toBe('en');
      expect(attr(select('a.skip-link', page.tree), 'href'), page.path).toBe('#main');
      for (const tag of ['header', 'nav', 'main#main', 'footer']) expect(select(tag, page.tree), `${page.path} ${tag}`).toBeTruthy();
    }
  });

  it('every page names the source review with its DOI', () => {
    for (const page of builtPages().values()) {
      const footer = select('footer', page.tree);
      expect(toString(footer ?? { type: 'root', children: [] }), page.path).toContain('Bone metastases: When and how lung cancer interacts with bone');
      expect(selectAll('footer a', page.tree).map((a) => attr(a, 'href')), page.path).toContain('https://doi.org/10.5306/wjco.v5.i2.149');
    }
  });

  it('the home page gives the full citation of the review and lists the six chapters in order', () => {
    const home = builtPage('/');
    expect(toString(select('.review-citation', home.tree) ?? home.tree)).toMatch(/Roato I\. Bone metastases: When and how lung cancer interacts with bone\. World Journal of Clinical Oncology\. 2014;5\(2\):149/);
    const links = selectAll('main .chapter-list a', home.tree).map((a) => attr(a, 'href'));
    expect(links).toEqual(CHAPTERS);
  });
});

describe('citations in the built chapters', () => {
  it('every citation in the introduction links to an entry of its own reference list', () => {
    const { tree } = builtPage('/introduction/');
    const entryIds = new Set(selectAll('.reference-list > li', tree).map((li) => attr(li, 'id')));
    const links = selectAll('.prose .citation a', tree);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const a of links) expect(entryIds).toContain(attr(a, 'href').slice(1));
  });

  it('each reference list holds exactly the entries its chapter cites', () => {
    for (const path of CHAPTERS) {
      const { tree } = builtPage(path);
      const cited = new Set(selectAll('.prose .citation', tree).flatMap((c) => attr(c, 'dataCites').split(' ').filter(Boolean)));
      const listed = selectAll('.reference-list > li', tree).map((li) => attr(li, 'id').replace(/^bib-/, ''));
      expect(new Set(listed), path).toEqual(cited);
      expect(listed.length, path).toBe(cited.size);
    }
  });

  it('the introduction lists the review references 1 to 10, numbered 1 to 10 in order of first use', () => {
    const items = selectAll('.reference-list > li', builtPage('/introduction/').tree);
    expect(items.map((li) => attr(li, 'value'))).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)));
    const reviewNumbers = items.map((li) => /Reference (\d+) in the review/.exec(toString(li))?.[1]);
    expect(reviewNumbers.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('entries show DOI and PubMed links where the data has them, and their identification status', () => {
    const { tree } = builtPage('/introduction/');
    const brown = select('#bib-brown2005', tree);
    const hrefs = selectAll('a', brown).map((a) => attr(a, 'href'));
    expect(hrefs).toContain('https://doi.org/10.1093/jnci/dji002');
    expect(hrefs).toContain('https://pubmed.ncbi.nlm.nih.gov/15632381/');
    expect(toString(brown ?? tree)).toContain('Identified from the citing sentence');
    expect(toString(select('#bib-roato2014ref02', tree) ?? tree)).toContain('Reference 2 of the review, not yet identified');
  });

  it('no "[@" survives anywhere in the site', () => {
    for (const page of builtPages().values()) expect(page.html, page.path).not.toContain('[@');
  });

  it('every h2 and h3 of a chapter carries an id', () => {
    for (const path of CHAPTERS) {
      for (const h of selectAll('main h2, main h3', builtPage(path).tree)) expect(attr(h, 'id'), `${path} ${toString(h)}`).not.toBe('');
    }
  });
});

describe('the search index', () => {
  it("Pagefind's files are written into dist/pagefind", () => {
    for (const f of ['pagefind.js', 'pagefind-entry.json', 'pagefind-highlight.js']) expect(existsSync(`dist/pagefind/${f}`), f).toBe(true);
  });

  it('indexes the home page and the six chapters, nothing else', () => {
    const entry = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8'));
    expect(entry.languages.en.page_count).toBe(7);
  });

  it('chapter text is indexed and reference lists, navigation and footers are not', () => {
    for (const path of CHAPTERS) {
      const { tree } = builtPage(path);
      const body = select('[data-pagefind-body]', tree);
      expect(body?.tagName, path).toBe('main');
      for (const el of selectAll('.references, .toc nav, .pager, .cite-this-page', tree)) expect(el.properties?.['dataPagefindIgnore'], path).toBeDefined();
      expect(select('[data-pagefind-body] footer, [data-pagefind-body] .site-header', tree), path).toBeUndefined();
    }
  });
});
