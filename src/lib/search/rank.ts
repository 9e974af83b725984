/**
 * Ranking for the search page: the pages Pagefind found for a plan's passes, merged and put in the
 * order a reader sees them, each with its sections in order. Pure: the search page passes in what
 * Pagefind returned, the unit tests pass in small hand-made results.
 *
 * Pages are ordered by, in turn:
 * 1. how much of the query found them (the whole query, one factor of it, or, for the word-by-word
 *    fallback, how many of its words they have);
 * 2. whether a factor the query names is marked under its own name (not a longer one: IL-1, not IL-11);
 * 3. how many of the named factors are marked under their own names;
 * 4. how many of the query's words the page has anywhere;
 * 5. for a query of four words or more, the most query words in one section other than the opening;
 * 6. Pagefind's score;
 * 7. the order they were found in.
 */
import { foldWord, lightStem } from './typos.ts';
import { isExactName, type SearchFactor } from './search-terms.ts';
import { joinAdjacentMarks, wordStretches } from './marks.ts';

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

/** What Pagefind's result.data() gives, as far as ranking and rendering need it. */
export interface ResultData {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
  content?: string;
  sub_results: SubResult[];
}

/** One Pagefind result with its data loaded. */
export interface Found {
  id: string;
  score: number;
  data: ResultData;
}

export interface PageHit {
  data: ResultData;
  score: number;
  /** How much of the query found the page (plan.ts FULL, PARTIAL, or a word count). */
  matched: number;
  /** When it was first found. */
  order: number;
}

export interface RankedPage {
  page: PageHit;
  /** Its sections, best first; only those with a named factor's own name when there are some. */
  sections: SubResult[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Pagefind's excerpts are HTML-escaped text: back to text. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** The words Pagefind marked in an excerpt, as text. */
export const marksOf = (excerpt: string): string[] => [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decodeEntities(m[1] ?? ''));

/** The marked words of an excerpt, and every stretch of neighbouring marked words ("T cells", "bone metastases"). */
export const markedRuns = (excerpt: string): string[] => marksOf(joinAdjacentMarks(excerpt)).flatMap((run) => wordStretches(run));

/** How many of `words` a section's title and excerpt contain (by word beginning, so "levels" meets "level"). */
export function wordsIn(words: readonly string[], section: SubResult): number {
  const text = ` ${foldWord(`${section.title} ${decodeEntities(section.excerpt.replace(/<[^>]+>/g, ''))}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.filter((w) => text.includes(` ${w.slice(0, Math.max(3, w.length - 2))}`)).length;
}

/**
 * Whether Pagefind found `word` itself in a result (its excerpts): a marked word that begins with
 * it, or another form of it ("predicts" / "predicted"). Pagefind also returns near words when it
 * has no match ("massague" marks "masses"), which is not a hit: such a word needs the vocabulary.
 */
export function foundWord(word: string, excerpts: readonly string[]): boolean {
  const folded = foldWord(word);
  const stem = lightStem(folded);
  return excerpts
    .flatMap(marksOf)
    .flatMap((m) => foldWord(m).split(/[^\p{L}\p{N}]+/u))
    .some((m) => m.startsWith(folded) || lightStem(m) === stem);
}

const anchor = (url: string) => url.split('#')[1] ?? '';

/**
 * The pages found by several passes: a page keeps its best score, the most of the query it was
 * found with, and the sections any pass found (Pagefind builds a page's sections from the pass).
 */
export class PageHits {
  #pages = new Map<string, PageHit>();
  #order = 0;

  add(found: readonly Found[], matched: number): void {
    for (const r of found) {
      const page = this.#pages.get(r.id);
      if (!page) {
        this.#pages.set(r.id, { data: r.data, score: r.score, matched, order: this.#order++ });
        continue;
      }
      page.score = Math.max(page.score, r.score);
      page.matched = Math.max(page.matched, matched);
      const seen = new Set(page.data.sub_results.map((s) => anchor(s.url)));
      page.data = { ...page.data, sub_results: [...page.data.sub_results, ...r.data.sub_results.filter((s) => !seen.has(anchor(s.url)))] };
    }
  }

  get size(): number {
    return this.#pages.size;
  }

  values(): PageHit[] {
    return [...this.#pages.values()];
  }

  /** After the word-by-word fallback: a page is worth the number of the query's words it has. */
  countWords(words: readonly string[]): void {
    for (const page of this.#pages.values()) page.matched = wordsIn(words, { title: page.data.meta['title'] ?? '', url: '', excerpt: page.data.content ?? page.data.excerpt });
  }
}

/** The query as ranking needs it (a QueryPlan has these). */
export interface RankQuery {
  words: readonly string[];
  named: readonly SearchFactor[];
}

/** The pages in the order a reader sees them, each with its sections best first. */
export function rankPages(pages: readonly PageHit[], { words, named }: RankQuery): RankedPage[] {
  const exactName = (excerpt: string) => named.length === 0 || marksOf(excerpt).some((m) => named.some((f) => isExactName(m, f)));
  // How many of the named factors a page has under their own names ("T cells osteoclasts": the
  // page with both before the page with osteoclasts alone).
  const namesFound = (p: PageHit) => {
    const marks = [p.data.excerpt, ...p.data.sub_results.map((s) => s.excerpt)].flatMap(markedRuns);
    return named.filter((f) => marks.some((m) => isExactName(m, f))).length;
  };
  // How many of the query's words the page has anywhere: Pagefind returns pages with some of them.
  const coverage = (p: PageHit) => (words.length > 1 ? wordsIn(words, { title: p.data.meta['title'] ?? '', url: '', excerpt: p.data.content ?? '' }) : 0);
  return pages
    .map((p) => {
      // Sections with more of the query's words first, words in the heading counting double; the
      // chapter's opening paragraph yields to a section that has as many.
      const scored = p.data.sub_results
        .map((s, i) => ({ s, i, n: 2 * wordsIn(words, { ...s, excerpt: '' }) + wordsIn(words, s), opening: /#chapter-title$/.test(s.url) }))
        .sort((a, b) => b.n - a.n || Number(a.opening) - Number(b.opening) || a.i - b.i);
      const sections = scored.map((x) => x.s);
      // For a long query, the page's best section other than its opening (which carries the key
      // points): a page with a section about the query beats one where Pagefind, which returns
      // pages with any of the words, found them scattered. Short queries keep Pagefind's order.
      const best = words.length > 3 ? (scored.find((x) => !x.opening)?.n ?? 0) : 0;
      const exactSections = sections.filter((s) => exactName(s.excerpt));
      return {
        p,
        exact: exactName(p.data.excerpt) || exactSections.length > 0,
        names: named.length > 1 ? namesFound(p) : 0,
        covered: coverage(p),
        best,
        sections: exactSections.length ? exactSections : sections,
      };
    })
    .sort(
      (a, b) =>
        b.p.matched - a.p.matched ||
        Number(b.exact) - Number(a.exact) ||
        b.names - a.names ||
        b.covered - a.covered ||
        b.best - a.best ||
        b.p.score - a.p.score ||
        a.p.order - b.p.order,
    )
    .map((r) => ({ page: r.p, sections: r.sections }));
}

/** What the live region says once results are shown. */
export function statusText(o: { typed: string; named: readonly SearchFactor[]; cardsFirst: boolean; pages: number; references: number; chapter: string }): string {
  const where = o.chapter ? ` in ${o.chapter}` : '';
  const found = [o.pages ? `${o.pages} page${o.pages === 1 ? '' : 's'}` : '', o.references ? `${o.references} reference${o.references === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  return (
    (o.named.length ? `${o.named.map((f) => f.name).join(', ')}: factor page ${o.cardsFirst ? 'first' : 'after the first result'}. ` : '') +
    (found ? `${found} found for “${o.typed}”${where}.` : `Nothing found for “${o.typed}”${where}. Try fewer words, or browse the chapters and factors below.`)
  );
}
