/**
 * Early reference results: what the search page shows for an author-and-year look-up ("Mundy
 * 2002", "Stopeck et al. 2010") before Pagefind has loaded: the references whose authors and year
 * the query names, from a small file made at build time (/search-reference-names.json) from the
 * same bibliography as the references' index. Pure: the build makes the data, the page decides
 * with it, and the unit tests run both on small fixtures.
 *
 * - earlyReferenceEntry: at build time, a reference's family names, year and what its result shows.
 * - authorYear: whether a query is an author-and-year look-up, and its names and years.
 * - earlyReferences: the references such a query names, in the order shown.
 * - earlyReferenceVocabulary: the query's words as reference words, so that the full search needs
 *   no typo vocabulary to know the query is a reference look-up.
 */
import type { VocabularyWord, Vocabulary } from './typos.ts';

/** One reference in /search-reference-names.json (short keys: the file is fetched by readers). */
export interface EarlyReference {
  /** Entry key: the result links to /references/#<key>. */
  k: string;
  /** Number in the review. */
  n: number;
  /** The result's title, as the references' index shows it (reference-records.ts referenceRecord). */
  t: string;
  /** Identification badge words, and its level. */
  c: string;
  l: string;
  /** Every author's family name, folded (lowercase, no accents). */
  a: string[];
  /** Year of publication, when known. */
  y?: number;
  /** The citing sections, as the references' index carries them (cited-in.ts encodeCitedIn). */
  i: string;
}

/** Lowercase, accents removed: "Massagué" → "massague". */
export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Words of an author-year citation that are neither a name nor a year. */
const LINKING = new Set(['et', 'al', 'and']);
const YEAR = /^(19|20)\d\d$/;

/** A reference's early entry, at build time. `families`: its authors' family names (or literal names). */
export function earlyReferenceEntry(o: { key: string; number: number; title: string; confidence: string; level: string; families: readonly string[]; year?: number; cited: string }): EarlyReference {
  const a = [...new Set(o.families.flatMap(words))];
  return { k: o.key, n: o.number, t: o.title, c: o.confidence, l: o.level, a, ...(o.year ? { y: o.year } : {}), i: o.cited };
}

/**
 * The names and years of an author-and-year look-up: at least one year and one name, and nothing
 * else but "et al." and "and". Anything else ("IL-7 2002", a question) is null: its results are
 * not a list of references alone.
 */
export function authorYear(typed: string): { names: string[]; years: number[] } | null {
  const names: string[] = [];
  const years: number[] = [];
  for (const w of words(typed)) {
    if (LINKING.has(w)) continue;
    if (YEAR.test(w)) years.push(Number(w));
    else if (/^\p{L}{2,}$/u.test(w)) names.push(w);
    else return null;
  }
  return names.length && years.length ? { names, years } : null;
}

/**
 * The references an author-and-year look-up names: every name among the reference's authors and
 * every year its year. Those whose first author is named come first, then the review's order. At
 * most `max`.
 */
export function earlyReferences(typed: string, refs: readonly EarlyReference[], max = 5): EarlyReference[] {
  const q = authorYear(typed);
  if (!q) return [];
  const firstNamed = (r: EarlyReference) => q.names.some((n) => r.a[0] === n);
  return refs
    .filter((r) => q.years.every((y) => r.y === y) && q.names.every((n) => r.a.includes(n)))
    .sort((x, y) => Number(firstNamed(y)) - Number(firstNamed(x)) || x.n - y.n)
    .slice(0, max);
}

/**
 * The words of a look-up that early results answered, as the typo vocabulary would describe them:
 * words of the references, and (names) not of the chapters' text. The full search then plans the
 * reference search from them (plan.ts referencePlan) without fetching the vocabulary.
 */
export function earlyReferenceVocabulary(typed: string): Vocabulary {
  const q = authorYear(typed);
  const vocabulary: Vocabulary = new Map();
  if (!q) return vocabulary;
  const word = (w: string, text: boolean): VocabularyWord => ({ word: w, count: 1, abbreviation: false, reference: true, text });
  for (const n of q.names) vocabulary.set(n, word(n, false));
  for (const y of q.years) vocabulary.set(String(y), word(String(y), false));
  return vocabulary;
}

/**
 * What the live region says while early reference results show: that they are the references
 * with those authors and year, and that the full results are still coming. It never says "found":
 * the final status counts what was found. `count`: the references shown.
 */
export function earlyReferenceStatus(count: number): string {
  return `${count === 1 ? 'The reference' : 'References'} with these authors and year first. Full results loading…`;
}
