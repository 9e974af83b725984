import { describe, expect, it } from 'vitest';
import { searchFactor, type SearchFactor } from '../../src/lib/search/search-terms.ts';
import { decodeEntities, foundWord, PageHits, rankPages, statusText, wordsIn, type Found, type SubResult } from '../../src/lib/search/rank.ts';
import { FULL, PARTIAL } from '../../src/lib/search/plan.ts';

const sf = (id: string, name: string, names: string[]): SearchFactor => searchFactor({ id, name, summary: '', names: [name, ...names] });
const il1 = sf('il-1', 'IL-1', ['interleukin-1']);
const tCell = sf('t-cell', 'T cell', ['T cells']);
const osteoclast = sf('osteoclast', 'osteoclast', ['osteoclasts']);

const section = (page: string, id: string, title: string, excerpt: string): SubResult => ({ url: `/${page}/#${id}`, title, excerpt });
function found(id: string, score: number, o: { title?: string; excerpt?: string; content?: string; sections?: SubResult[] } = {}): Found {
  return { id, score, data: { url: `/${id}/`, meta: { title: o.title ?? id }, excerpt: o.excerpt ?? '', content: o.content ?? '', sub_results: o.sections ?? [] } };
}
const order = (pages: ReturnType<typeof rankPages>) => pages.map((p) => p.page.data.url);

describe('merging the passes', () => {
  it('a page found by several passes keeps its best score, the most of the query it was found with, and every section once', () => {
    const hits = new PageHits();
    hits.add([found('a', 1, { sections: [section('a', 'one', 'One', '')] })], PARTIAL);
    hits.add([found('a', 3, { sections: [section('a', 'one', 'One', ''), section('a', 'two', 'Two', '')] })], FULL);
    const [page] = hits.values();
    expect(page?.score).toBe(3);
    expect(page?.matched).toBe(FULL);
    expect(page?.data.sub_results.map((s) => s.url)).toEqual(['/a/#one', '/a/#two']);
  });

  it('after the word-by-word fallback a page is worth the number of query words it has', () => {
    const hits = new PageHits();
    hits.add([found('a', 1, { content: 'serum levels rise' }), found('b', 5, { content: 'serum only' })], 0);
    hits.countWords(['serum', 'levels']);
    expect(rankPages(hits.values(), { words: ['serum', 'levels'], named: [] }).map((r) => r.page.matched)).toEqual([2, 1]);
  });
});

describe('ranking pages', () => {
  it('a page found by the whole query comes before a page found by a part of it, whatever Pagefind scored', () => {
    const hits = new PageHits();
    hits.add([found('part', 9)], PARTIAL);
    hits.add([found('whole', 1)], FULL);
    expect(order(rankPages(hits.values(), { words: [], named: [] }))).toEqual(['/whole/', '/part/']);
  });

  it('IL-1 marked under its own name beats a page where only IL-11 was marked', () => {
    const hits = new PageHits();
    hits.add([found('il11', 5, { excerpt: 'the <mark>IL-11</mark> family' }), found('il1', 1, { excerpt: 'the <mark>IL-1</mark> cytokine' })], FULL);
    expect(order(rankPages(hits.values(), { words: ['il'], named: [il1] }))).toEqual(['/il1/', '/il11/']);
  });

  it('a page with both named factors under their names beats a page with one', () => {
    const hits = new PageHits();
    hits.add(
      [
        found('one', 5, { excerpt: '<mark>osteoclasts</mark> resorb' }),
        found('both', 1, { excerpt: '<mark>T</mark> <mark>cells</mark> drive <mark>osteoclasts</mark>' }),
      ],
      FULL,
    );
    expect(order(rankPages(hits.values(), { words: ['cells', 'osteoclasts'], named: [tCell, osteoclast] }))).toEqual(['/both/', '/one/']);
  });

  it('a page with more of the query words anywhere beats one with fewer, then Pagefind’s score decides, then the order found', () => {
    const hits = new PageHits();
    hits.add([found('few', 9, { content: 'serum' }), found('many', 1, { content: 'serum marker events' }), found('tie', 1, { content: 'serum marker events' })], FULL);
    expect(order(rankPages(hits.values(), { words: ['serum', 'marker', 'events'], named: [] }))).toEqual(['/many/', '/tie/', '/few/']);
  });

  it('for a long query, a page with one section about it beats a page where the words are scattered', () => {
    const words = ['tumour', 'cells', 'hide', 'bone'];
    const hits = new PageHits();
    hits.add(
      [
        found('scattered', 9, { content: 'tumour cells hide bone', sections: [section('scattered', 'a', 'Tumour', 'cells'), section('scattered', 'b', 'Bone', 'hide')] }),
        found('focused', 1, { content: 'tumour cells hide bone', sections: [section('focused', 'niche', 'Where tumour cells hide in bone', '')] }),
      ],
      FULL,
    );
    expect(order(rankPages(hits.values(), { words, named: [] }))).toEqual(['/focused/', '/scattered/']);
  });
});

describe('ranking sections', () => {
  it('sections with more query words come first, words in the heading counting double, the opening yielding on a tie', () => {
    const hits = new PageHits();
    hits.add(
      [
        found('p', 1, {
          sections: [
            section('p', 'chapter-title', 'Serum markers', 'serum levels'),
            section('p', 'other', 'Imaging', 'serum'),
            section('p', 'il-7-serum-levels', 'Serum IL-7 levels', 'in patients'),
          ],
        }),
      ],
      FULL,
    );
    const [page] = rankPages(hits.values(), { words: ['serum', 'levels'], named: [] });
    expect(page?.sections.map((s) => s.url.split('#')[1])).toEqual(['il-7-serum-levels', 'chapter-title', 'other']);
  });

  it('only the sections with a named factor under its own name are kept, when there are some', () => {
    const hits = new PageHits();
    hits.add([found('p', 1, { sections: [section('p', 'il11', 'IL-11', '<mark>IL-11</mark>'), section('p', 'il1', 'IL-1', '<mark>IL-1</mark>')] })], FULL);
    const [page] = rankPages(hits.values(), { words: ['il'], named: [il1] });
    expect(page?.sections.map((s) => s.title)).toEqual(['IL-1']);
  });
});

describe('reading Pagefind’s excerpts', () => {
  it('entities are decoded to text', () => {
    expect(decodeEntities('TGF-&#946; &amp; IL-1 &lt;b&gt; &quot;x&quot; &#x27;y&#x27;')).toBe('TGF-β & IL-1 <b> "x" \'y\'');
  });

  it('a section counts query words by their beginnings, in its title and excerpt', () => {
    expect(wordsIn(['levels', 'serum'], { title: 'Serum', url: '', excerpt: 'the <mark>level</mark> rose' })).toBe(2);
  });

  it('a word counts as found only when Pagefind marks it or another form of it, not a near word it fell back to', () => {
    expect(foundWord('osteoclast', ['many <mark>osteoclasts</mark> form'])).toBe(true);
    expect(foundWord('predicts', ['it <mark>predicted</mark> events'])).toBe(true);
    expect(foundWord('massague', ['tumour <mark>masses</mark>'])).toBe(false);
    expect(foundWord('osteoclats', ['<mark>osteoclasts</mark>'])).toBe(false);
    expect(foundWord('prostaglandns', ['<mark>pro-osteoclastogenic</mark>'])).toBe(false);
  });
});

describe('the live region', () => {
  it('names the factor card’s place, the pages and references found, and the chapter filter', () => {
    expect(statusText({ typed: 'PTHrP', named: [sf('pthrp', 'PTHrP', [])], cardsFirst: true, pages: 3, references: 1, chapter: '' })).toBe(
      'PTHrP: factor page first. 3 pages and 1 reference found for “PTHrP”.',
    );
    expect(statusText({ typed: 'zz', named: [], cardsFirst: false, pages: 0, references: 0, chapter: 'The bone niche' })).toBe(
      'Nothing found for “zz” in The bone niche. Try fewer words, or browse the chapters and factors below.',
    );
  });
});
