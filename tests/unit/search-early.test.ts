import { describe, expect, it } from 'vitest';
import { excerpt, passagesByFactor, type FactorPassage } from '../../src/lib/atlas/atlas.ts';
import { factorNameIndex } from '../../src/lib/atlas/factor-mentions.ts';
import { loadFactors, readChapterSources } from '../../src/lib/atlas/factors.ts';
import { chapterModel } from '../../src/lib/chapters/chapter-model.ts';
import { factorKeyIndex, searchFactor, shipFactor, unshipFactor, type SearchFactor } from '../../src/lib/search/search-terms.ts';
import { searchNames } from '../../src/lib/atlas/factors.ts';
import {
  destination,
  earlyFactorData,
  earlyNamed,
  earlyPages,
  earlyStatus,
  focusAfter,
  highlightWords,
  markedExcerpt,
  resultHref,
  type FactorEarlyData,
} from '../../src/lib/search/early.ts';

const sf = (id: string, name: string, names: string[], expansion?: string): SearchFactor =>
  searchFactor({ id, name, expansion, summary: '', names: [name, ...names, ...(expansion ? [expansion] : [])] });
const il7 = sf('il-7', 'IL-7', ['IL7'], 'interleukin-7');
const tCell = sf('t-cell', 'T cell', ['T cells']);
const osteoclast = sf('osteoclast', 'osteoclast', ['osteoclasts']);
const index = factorKeyIndex([il7, tCell, osteoclast]);
const ids = (fs: SearchFactor[]) => fs.map((f) => f.id);

const chapters = [
  { id: 'intro', title: 'Introduction: the start', shortTitle: 'Introduction' },
  { id: 'markers', title: 'Serum markers for early detection', shortTitle: 'Serum markers' },
];
const passage = (chapterId: string, sectionId: string, sectionTitle: string, text: string, name: string): FactorPassage => {
  const start = text.indexOf(name);
  return { chapterId, chapterTitle: chapterId, sectionId, sectionTitle, index: 0, text, mentions: [{ factorId: 'x', text: name, start, end: start + name.length }] };
};
const cut = (p: FactorPassage) => excerpt(p.text, p.mentions);

describe('which queries get early results', () => {
  it('a query that is nothing but a factor’s name, however it is written, names that factor', () => {
    expect(ids(earlyNamed('IL-7', index))).toEqual(['il-7']);
    expect(ids(earlyNamed('interleukin 7', index))).toEqual(['il-7']);
    expect(ids(earlyNamed('T cells osteoclasts', index))).toEqual(['t-cell', 'osteoclast']);
  });

  it('a factor with other words, a question or no factor at all waits for the full results', () => {
    expect(earlyNamed('serum IL-7 levels', index)).toEqual([]);
    expect(earlyNamed('what does IL-7 do', index)).toEqual([]);
    expect(earlyNamed('radiolucent', index)).toEqual([]);
    expect(earlyNamed('', index)).toEqual([]);
  });
});

describe('a factor’s early data, made at build time', () => {
  const passages = [
    passage('intro', '', '', 'IL-7 is named in the opening before any heading.', 'IL-7'),
    passage('markers', 'il-7', 'IL-7 as a marker', 'Serum IL-7 was measured in patients.', 'IL-7'),
    passage('markers', 'il-7', 'IL-7 as a marker', 'A second passage on IL-7 in the same section.', 'IL-7'),
    passage('markers', 'bone-loss', 'IL-7 in bone loss', 'IL-7 & bone <loss>.', 'IL-7'),
  ];

  it('groups the passages naming it by chapter and section, in reading order, counting passages per section and marking headings that name it', () => {
    const data = earlyFactorData('A cytokine.', passages, chapters, cut, (heading) => heading.includes('IL-7'));
    expect(data.summary).toBe('A cytokine.');
    expect(data.pages.map((p) => [p.chapter, p.title, p.url, p.order])).toEqual([
      ['Introduction', 'Introduction: the start', '/intro/', 0],
      ['Serum markers', 'Serum markers for early detection', '/markers/', 1],
    ]);
    expect(data.pages[1]?.sections.map((s) => [s.title, s.url, s.passages, s.inTitle])).toEqual([
      ['IL-7 as a marker', '/markers/#il-7', 2, true],
      ['IL-7 in bone loss', '/markers/#bone-loss', 1, true],
    ]);
    expect(data.pages[0]?.sections[0]?.inTitle).toBeUndefined();
  });

  it('a passage before any heading is the chapter’s opening: the chapter’s title, linked to the page’s title', () => {
    const [intro] = earlyFactorData('', passages, chapters, cut).pages;
    expect(intro?.sections.map((s) => [s.title, s.url])).toEqual([['Introduction: the start', '/intro/#chapter-title']]);
  });

  it('each section’s excerpt is its first naming passage, as Pagefind writes excerpts: escaped text with the name marked', () => {
    const data = earlyFactorData('', passages, chapters, cut);
    expect(data.pages[1]?.sections[0]?.excerpt).toBe('Serum <mark>IL-7</mark> was measured in patients.');
    expect(data.pages[1]?.sections[1]?.excerpt).toBe('<mark>IL-7</mark> &amp; bone &lt;loss&gt;.');
    expect(markedExcerpt([{ text: '<b>', marked: true }])).toBe('<mark>&lt;b&gt;</mark>');
  });

  it('a factor no chapter names has no pages', () => {
    expect(earlyFactorData('x', [], chapters, cut).pages).toEqual([]);
  });
});

describe('the early list', () => {
  const section = (url: string, passages: number, inTitle = false) => ({ title: url, url, excerpt: '', passages, ...(inTitle ? { inTitle: true as const } : {}) });
  const tCells: FactorEarlyData = {
    summary: '',
    pages: [
      { chapter: 'Introduction', title: 'Intro', url: '/intro/', order: 0, sections: [section('/intro/#chapter-title', 3), section('/intro/#scope', 1)] },
      { chapter: 'Immune cells', title: 'Immune', url: '/immune/', order: 2, sections: [section('/immune/#chapter-title', 2), section('/immune/#a', 1), section('/immune/#b', 2, true)] },
    ],
  };
  const osteoclasts: FactorEarlyData = {
    summary: '',
    pages: [
      { chapter: 'Immune cells', title: 'Immune', url: '/immune/', order: 2, sections: [section('/immune/#a', 1)] },
      { chapter: 'Factors', title: 'Factors', url: '/factors/', order: 1, sections: [section('/factors/#x', 9)] },
    ],
  };

  it('for one factor: chapters with more naming passages first; sections whose heading names it first, then reading order, the opening last', () => {
    const list = earlyPages([tCells]);
    expect(list.map((p) => p.url)).toEqual(['/immune/', '/intro/']);
    expect(list[0]?.sections.map((s) => s.url)).toEqual(['/immune/#b', '/immune/#a', '/immune/#chapter-title']);
    expect(list[1]?.sections.map((s) => s.url)).toEqual(['/intro/#scope', '/intro/#chapter-title']);
  });

  it('for several factors: the chapter and the section naming more of them come first, whatever the passage counts', () => {
    const list = earlyPages([tCells, osteoclasts]);
    expect(list.map((p) => p.url)).toEqual(['/immune/', '/factors/', '/intro/']);
    expect(list[0]?.sections[0]?.url).toBe('/immune/#a');
  });

  it('with the chapter filter, only that chapter; and never more than `max` chapters', () => {
    expect(earlyPages([tCells, osteoclasts], { chapter: 'Introduction' }).map((p) => p.url)).toEqual(['/intro/']);
    expect(earlyPages([tCells, osteoclasts], { max: 1 }).map((p) => p.url)).toEqual(['/immune/']);
    expect(earlyPages([])).toEqual([]);
  });
});

describe('early result links', () => {
  it('carry the query’s words in ?highlight= as Pagefind writes them, before the anchor, under the base', () => {
    expect(highlightWords('IL-7')).toEqual(['il7']);
    expect(highlightWords('T cells  T')).toEqual(['t', 'cells']);
    expect(resultHref('/', '/markers/#il-7', ['il7'])).toBe('/markers/?highlight=il7#il-7');
    expect(resultHref('/review/', '/markers/', ['t', 'cells'])).toBe('/review/markers/?highlight=t&highlight=cells');
    expect(resultHref('/', '/markers/#a', [])).toBe('/markers/#a');
    expect(destination('/markers/?highlight=il7#il-7')).toBe('/markers/#il-7');
  });
});

describe('what the live region says while early results show', () => {
  it('names the factor and the sections shown, says the full results are still loading, and never says “found”', () => {
    const texts = [
      earlyStatus({ named: [il7], chapters: 2, chapter: '' }),
      earlyStatus({ named: [il7], chapters: 0, chapter: '' }),
      earlyStatus({ named: [tCell, osteoclast], chapters: 1, chapter: 'Immune cells' }),
    ];
    expect(texts).toEqual([
      'IL-7: factor page first, then sections naming it. Full results loading…',
      'IL-7: factor page first. Full results loading…',
      'T cell, osteoclast: factor page first, then the sections of Immune cells naming them. Full results loading…',
    ]);
    // The search page's final state says "found" or "Nothing"; the early one never does.
    for (const t of texts) expect(t).not.toMatch(/found|Nothing|unavailable/);
  });
});

describe('focus when the full results replace the early ones', () => {
  const after = ['/factors/il-7/', '/markers/?highlight=il7', '/markers/?highlight=il7#il-7', '/immune/?highlight=il7'];
  it('stays on the same destination when the full results have it', () => {
    expect(focusAfter({ href: '/markers/?highlight=il7#il-7', index: 3 }, after)).toBe(2);
  });
  it('otherwise goes to the link at the same place, or the last one; with no result at all, to none', () => {
    expect(focusAfter({ href: '/gone/#x', index: 1 }, after)).toBe(1);
    expect(focusAfter({ href: '/gone/#x', index: 9 }, after)).toBe(3);
    expect(focusAfter({ href: '/gone/#x', index: 0 }, [])).toBe(-1);
  });
});

describe('the site’s own early data', () => {
  const factors = loadFactors('content/factors.yaml');
  const sources = readChapterSources('content/chapters');
  const passages = passagesByFactor(
    sources.map((c) => ({ id: c.id, title: c.id, body: c.source })),
    factorNameIndex(factors),
  );
  const early = sources.map((c) => ({ id: c.id, title: c.id, shortTitle: c.id }));

  it('every early section links to an id its chapter has (a heading, a box, or the chapter’s title)', () => {
    let sections = 0;
    for (const f of factors) {
      for (const page of earlyFactorData('', passages.get(f.id) ?? [], early, (p) => excerpt(p.text, p.mentions)).pages) {
        const source = sources.find((c) => `/${c.id}/` === page.url)?.source ?? '';
        const ids = new Set([...chapterModel(source).ids.keys(), 'chapter-title']);
        for (const s of page.sections) {
          sections += 1;
          expect(ids.has(s.url.split('#')[1] ?? ''), `${f.id}: ${s.url}`).toBe(true);
          expect(s.excerpt, `${f.id}: ${s.url}`).toContain('<mark>');
        }
      }
    }
    expect(sections).toBeGreaterThan(factors.length);
  });

  it('every factor, shipped to the first query without the keys its name and expansion give, is recognised on the page by exactly the keys it had', () => {
    for (const f of factors) {
      const full = searchFactor({ id: f.id, name: f.name, expansion: f.expansion, summary: '', names: searchNames(f) });
      const shipped = shipFactor(full);
      expect(JSON.stringify(shipped).length, f.id).toBeLessThanOrEqual(JSON.stringify(full).length);
      const back = unshipFactor(JSON.parse(JSON.stringify(shipped)));
      expect(back.keys.toSorted(), f.id).toEqual(full.keys.toSorted());
      expect([back.id, back.name, back.expansion], f.id).toEqual([full.id, full.name, full.expansion]);
    }
  });

  it('PTHrP’s sections are the ones the chapters name it in: calcium in the bone niche, and its own section among the osteoclast factors', () => {
    const data = earlyFactorData('', passages.get('pthrp') ?? [], early, (p) => excerpt(p.text, p.mentions));
    const urls = data.pages.flatMap((p) => p.sections.map((s) => s.url));
    expect(urls).toContain('/bone-niche/#calcium');
    expect(urls).toContain('/osteoclast-factors/#pthrp-micrornas');
  });
});
