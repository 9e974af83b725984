/**
 * Early results: what the search page shows for a query that names a factor before Pagefind has
 * loaded: the factor's card and the chapter sections whose text names it, from a small file made at
 * build time (/search-factor-<id>.json). Pure: the build makes the data from the atlas's passages
 * (lib/atlas/atlas.ts, which reads the one chapter model), the page decides with it, and the unit
 * tests run both on small fixtures.
 *
 * - earlyFactorData: at build time, a factor's chapter sections, grouped by chapter.
 * - earlyNamed: whether a query gets early results, and for which factors.
 * - earlyPages: the early list, merged over the factors a query names, in the order shown.
 * - earlyStatus: what the live region says while the full results are still coming.
 * - focusAfter: where focus goes when the full results replace the early ones.
 */
import type { FactorPassage } from '../atlas/atlas.ts';
import type { ExcerptPart } from '../atlas/atlas.ts';
import { planQuery } from './plan.ts';
import type { FactorKeyIndex, SearchFactor } from './search-terms.ts';

/** One section of a chapter whose text names the factor. */
export interface EarlySection {
  /** The section's heading (the chapter's title for its opening, before any heading). */
  title: string;
  /** Site path with the section's anchor, without the base: /serum-markers/#il-7. */
  url: string;
  /** The first passage of the section that names the factor, cut around the name, as Pagefind writes excerpts: HTML-escaped text with <mark>. */
  excerpt: string;
  /** How many passages of the section name the factor. */
  passages: number;
  /** The section's heading names the factor: the section is about it. Left out when false. */
  inTitle?: true;
}

/** One chapter whose text names the factor, with those sections in reading order. */
export interface EarlyPage {
  /** The chapter's short title: the value of the search page's chapter filter. */
  chapter: string;
  /** The chapter's full title, as the full results show it. */
  title: string;
  /** Site path of the chapter, without the base: /serum-markers/. */
  url: string;
  /** The chapter's place in reading order, from 0. */
  order: number;
  sections: EarlySection[];
}

/** /search-factor-<id>.json: the card's one-line summary and the chapter sections naming the factor. */
export interface FactorEarlyData {
  summary: string;
  pages: EarlyPage[];
}

export interface EarlyChapter {
  id: string;
  title: string;
  shortTitle: string;
}

/** The id the chapter page gives its opening (the h1): where a passage before any heading sits. */
export const OPENING_ANCHOR = 'chapter-title';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Excerpt parts (lib/atlas/atlas.ts excerpt()) in Pagefind's excerpt form: escaped text, names in <mark>. */
export function markedExcerpt(parts: readonly ExcerptPart[]): string {
  return parts.map((p) => (p.marked ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/**
 * A factor's early data, at build time: every chapter section whose passages name it (from the
 * atlas's passages for that factor), in reading order, each with its first naming passage cut
 * around the name. `excerptOf` cuts a passage (lib/atlas/atlas.ts excerpt()); `namedIn` says
 * whether a heading names the factor (lib/atlas/factor-mentions.ts findMentions()).
 */
export function earlyFactorData(
  summary: string,
  passages: readonly FactorPassage[],
  chapters: readonly EarlyChapter[],
  excerptOf: (p: FactorPassage) => readonly ExcerptPart[],
  namedIn: (heading: string) => boolean = () => false,
): FactorEarlyData {
  const pages: EarlyPage[] = [];
  for (const [order, chapter] of chapters.entries()) {
    const sections = new Map<string, EarlySection>();
    for (const p of passages) {
      if (p.chapterId !== chapter.id) continue;
      const anchor = p.sectionId || OPENING_ANCHOR;
      const known = sections.get(anchor);
      if (known) {
        known.passages += 1;
        continue;
      }
      const title = p.sectionTitle || chapter.title;
      sections.set(anchor, { title, url: `/${chapter.id}/#${anchor}`, excerpt: markedExcerpt(excerptOf(p)), passages: 1, ...(namedIn(title) ? { inTitle: true as const } : {}) });
    }
    if (sections.size) pages.push({ chapter: chapter.shortTitle, title: chapter.title, url: `/${chapter.id}/`, order, sections: [...sections.values()] });
  }
  return { summary, pages };
}

/**
 * The factors a query gets early results for: those it names when it is nothing but factor names
 * (the queries whose full results put the factor cards first), as the factor cards match names
 * and aliases. Any other query (a question, a factor with other words) waits for the full results:
 * their order is not the early list's.
 */
export function earlyNamed(typed: string, index: FactorKeyIndex): SearchFactor[] {
  const plan = planQuery(typed, { index, synonyms: { same: [], also: [], spellings: [] } });
  return plan.cardsFirst ? plan.named : [];
}

/** An early result page: a chapter with the sections that name the query's factors, best first. */
export interface EarlyResult {
  title: string;
  url: string;
  sections: EarlySection[];
}

const isOpening = (s: EarlySection) => s.url.endsWith(`#${OPENING_ANCHOR}`);

/**
 * The early list for the factors a query names (each with its data), in the order shown: chapters
 * naming more of the factors first, then those with more naming passages, then reading order;
 * within a chapter, sections naming more of the factors first, then those whose heading names more
 * of them (as the full results put a section with the query in its heading first), then reading
 * order, the chapter's opening last. `chapter`: the chapter filter's value, or ''. At most `max`
 * chapters.
 */
export function earlyPages(factors: readonly FactorEarlyData[], { chapter = '', max = 10 } = {}): EarlyResult[] {
  interface Merged {
    page: EarlyPage;
    factors: number;
    passages: number;
    sections: Map<string, { s: EarlySection; i: number; factors: number; titles: number }>;
  }
  const byUrl = new Map<string, Merged>();
  for (const data of factors) {
    for (const page of data.pages) {
      if (chapter && page.chapter !== chapter) continue;
      const m = byUrl.get(page.url) ?? { page, factors: 0, passages: 0, sections: new Map() };
      byUrl.set(page.url, m);
      m.factors += 1;
      for (const s of page.sections) {
        m.passages += s.passages;
        const known = m.sections.get(s.url);
        if (known) {
          known.factors += 1;
          known.titles += s.inTitle ? 1 : 0;
        } else m.sections.set(s.url, { s, i: m.sections.size, factors: 1, titles: s.inTitle ? 1 : 0 });
      }
    }
  }
  return [...byUrl.values()]
    .sort((a, b) => b.factors - a.factors || b.passages - a.passages || a.page.order - b.page.order)
    .slice(0, max)
    .map((m) => ({
      title: m.page.title,
      url: m.page.url,
      sections: [...m.sections.values()]
        .sort((a, b) => b.factors - a.factors || b.titles - a.titles || Number(isOpening(a.s)) - Number(isOpening(b.s)) || a.i - b.i)
        .map((x) => x.s),
    }));
}

/**
 * The ?highlight= words of a result link, as Pagefind writes them for the same query: each word of
 * the query in lowercase, without punctuation ("IL-7" -> il7, "T cells" -> t, cells).
 */
export function highlightWords(typed: string): string[] {
  const out: string[] = [];
  for (const w of typed.toLowerCase().split(/\s+/)) {
    const word = w.replace(/[^\p{L}\p{N}]+/gu, '');
    if (word && !out.includes(word)) out.push(word);
  }
  return out;
}

/** A result link from a site path: base added, ?highlight= before the anchor. */
export function resultHref(base: string, path: string, words: readonly string[]): string {
  const [page = '', hash] = path.split('#');
  const query = words.length ? `?${words.map((w) => `highlight=${encodeURIComponent(w)}`).join('&')}` : '';
  return `${base.replace(/\/+$/, '')}/${page.replace(/^\/+/, '')}${query}${hash !== undefined ? `#${hash}` : ''}`;
}

/**
 * What the live region says while early results show: the factor card, the sections naming the
 * factor if there are any, and that the full results are still coming. It never says "found": the
 * page's final state is the one that counts what was found. Short, as the final status is, so
 * that nothing below it moves when it changes.
 */
export function earlyStatus(o: { named: readonly SearchFactor[]; chapters: number; chapter: string }): string {
  const names = o.named.map((f) => f.name).join(', ');
  const them = o.named.length === 1 ? 'it' : 'them';
  const sections = o.chapters ? `, then ${o.chapter ? `the sections of ${o.chapter}` : 'sections'} naming ${them}` : '';
  return `${names}: factor page first${sections}. Full results loading…`;
}

/** A result link without its ?highlight= words: the same destination in the early and the full lists. */
export const destination = (href: string): string => href.replace(/\?[^#]*/, '');

/**
 * Where focus goes when the full results replace the early ones, given the link that had focus
 * (its href and its place among the result links) and the new list's hrefs: the same destination
 * if the new list has it, else the link at the same place, else the last one; -1 for none (the
 * search box then keeps it).
 */
export function focusAfter(before: { href: string; index: number }, after: readonly string[]): number {
  const same = after.findIndex((h) => destination(h) === destination(before.href));
  if (same >= 0) return same;
  if (!after.length) return -1;
  return Math.min(before.index, after.length - 1);
}
