/**
 * Query planning for the search page: what a typed query is searched as. Pure: the search page
 * runs it with the data it has loaded, and the unit tests run it on small fixtures.
 *
 * Steps, in order: typos (words the site does not have, read as the nearest word it has, factor
 * names never touched), question words dropped, factor names found, synonyms added, and the list
 * of Pagefind queries ("passes") with how much of the query a page found by each one has.
 */
import { namedRuns, phrasedQuery, widenedQueries, type FactorKeyIndex, type NamedRun, type SearchFactor } from './search-terms.ts';
import { correctQuery, foldWord, NEVER_CORRECT, type Correction, type Vocabulary } from './typos.ts';
import { widenWithSynonyms, type SynonymTable } from './synonyms.ts';
import { isStopWord, topicQuery } from './question.ts';

/** A page found by the whole query (or a synonym of it), or by one factor of it. */
export const FULL = 1000;
export const PARTIAL = 500;

/** The data planning uses: the factor names and synonyms, and the vocabulary when it was needed. */
export interface PlanData {
  index: FactorKeyIndex;
  synonyms: SynonymTable;
  /** Loaded only when a word of the query has no hit: without it, nothing is corrected. */
  vocabulary?: Vocabulary | undefined;
}

export interface Pass {
  query: string;
  /** FULL or PARTIAL: how much of the query a page found by this pass has. */
  matched: number;
}

export interface QueryPlan {
  typed: string;
  /** The query after typo correction (the typed query when nothing was corrected). */
  query: string;
  corrections: Correction[];
  /** The query without question and stop words. */
  topic: string;
  runs: NamedRun[];
  /** The factors the query names, in the order it names them. */
  named: SearchFactor[];
  /** The folded words of the topic, split at hyphens and punctuation. */
  words: string[];
  /** The terms synonyms added, for "Also searched: …". */
  added: string[];
  /** The Pagefind queries, in order. */
  passes: Pass[];
  /** When no pass finds a page: each word alone, pages ranked by how many words they have. */
  fallback: string[];
  /** The query is nothing but factor names: their cards come before the pages. */
  cardsFirst: boolean;
}

/** The folded words of a query, split at hyphens and punctuation too ("double-blind": double, blind). */
export const topicKeys = (q: string): string[] =>
  foldWord(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

/** The words of `typed` (letters and digits) that name a factor: never corrected. */
export function protectedWords(typed: string, index: FactorKeyIndex): Set<string> {
  const out = new Set<string>();
  const words = typed.split(/\s+/);
  for (const r of namedRuns(typed, index)) for (const w of words.slice(r.start, r.end)) for (const part of w.match(/[\p{L}\p{N}]+/gu) ?? []) out.add(part);
  return out;
}

/**
 * The words of `typed` whose hits decide what else to load: every word that does not name a factor
 * and is not a question or stop word. When one of them has no hit in the chapters, the search page
 * loads the vocabulary (to correct it, or to learn that it is an author or a journal word).
 */
export function wordsToCheck(typed: string, index: FactorKeyIndex): string[] {
  const kept = protectedWords(typed, index);
  const out: string[] = [];
  for (const part of typed.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const folded = foldWord(part);
    if (kept.has(part) || folded.length < 2 || NEVER_CORRECT.has(folded) || isStopWord(folded)) continue;
    if (!out.includes(folded)) out.push(folded);
  }
  return out;
}

/** What `typed` is searched as. `exact`: the reader asked for the words as typed (no corrections). */
export function planQuery(typed: string, data: PlanData | null, { exact = false } = {}): QueryPlan {
  typed = typed.trim();
  let query = typed;
  let corrections: Correction[] = [];
  // Typos first, so a corrected word can still name a factor ("interlukin 7").
  if (data?.vocabulary && !exact) {
    const kept = protectedWords(typed, data.index);
    ({ query, corrections } = correctQuery(typed, data.vocabulary, (w) => kept.has(w)));
  }
  const topic = topicQuery(query);
  const runs = data ? namedRuns(topic, data.index) : [];
  const named: SearchFactor[] = [];
  for (const r of runs) for (const f of r.factors) if (!named.includes(f)) named.push(f);
  const widening = data ? widenWithSynonyms(topic, data.synonyms) : { queries: [], added: [] };
  const words = topicKeys(topic);
  const topicWordCount = topic.split(/\s+/).filter(Boolean).length;

  // A page found by the whole query (or a synonym of it) has every part of it; one found only by
  // a factor's name has that part alone, unless the name is the whole query.
  const whole = new Set([phrasedQuery(topic, runs), ...widening.queries]);
  const wholeRun = runs.length === 1 && runs[0] !== undefined && runs[0].end - runs[0].start === topicWordCount;
  const passes = [...widenedQueries(topic, named, runs), ...widening.queries].map((q) => ({ query: q, matched: whole.has(q) || wholeRun ? FULL : PARTIAL }));

  return {
    typed,
    query,
    corrections,
    topic,
    runs,
    named,
    words,
    added: widening.added,
    passes,
    fallback: words.length > 1 ? topic.split(/\s+/) : [],
    cardsFirst: topic === query.trim() && runs.reduce((n, r) => n + r.end - r.start, 0) >= topicWordCount,
  };
}

/** A year in the query: 1900-2099. */
const YEAR = /\b(19|20)\d\d\b/;

/**
 * Whether the query may be a reference look-up before anything is searched: it has a year. (An
 * author or a journal word shows up later, as a word the chapters do not have.)
 */
export function mentionsYear(plan: QueryPlan): boolean {
  return YEAR.test(plan.topic);
}

export interface ReferencePlan {
  /** The query's words that occur in the references. */
  words: string[];
  /** A word found only in the references (an author, a journal), or a year: references come first. */
  authorLike: boolean;
  /** The queries for the references: the topic, then its reference words alone if it finds nothing. */
  queries: string[];
}

/** How the references are searched for this plan, from the vocabulary's word sources. */
export function referencePlan(plan: QueryPlan, vocabulary: Vocabulary): ReferencePlan {
  const words = plan.words.filter((w) => vocabulary.get(w)?.reference);
  const authorLike = words.some((w) => !vocabulary.get(w)?.text) || (words.length > 0 && YEAR.test(plan.topic));
  const queries = words.length ? [plan.topic.replace(/["“”]/g, ''), ...(words.length < plan.words.length ? [words.join(' ')] : [])] : [];
  return { words, authorLike, queries };
}
