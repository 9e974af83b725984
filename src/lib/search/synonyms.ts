/**
 * Other words for the same thing: the synonym table (content/search-synonyms.yaml), checked with
 * zod, and how it widens a query. A synonym never replaces what the reader typed: it adds queries
 * in which the matched phrase is swapped for each of its other words, and the page says which
 * terms were added. Pure and small: the search page ships it.
 */
import { foldWord } from './typos.ts';

/** The synonym table (content/search-synonyms.yaml once checked; see synonyms-file.ts). */
export interface SynonymTable {
  /** Groups of words for the same thing: any one of them widens to all the others. */
  same: string[][];
  /** One-way: a class or brand name also finds what the text calls it ("Xgeva" finds denosumab). */
  also: { find: string[]; add: string[] }[];
  /** US and UK spellings, as word beginnings: "tumor" and "tumour" also cover "tumors" and "tumours". */
  spellings: [string, string][];
}

/** Lower case, no accents, words separated by one space ("Post-mortem" -> "post mortem"). */
export function foldPhrase(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Widening {
  /** Queries to run besides the reader's own, each with the added phrase in place of the matched one. */
  queries: string[];
  /** The terms added, for the page to name. */
  added: string[];
}

const quoteIfPhrase = (s: string) => (/\s/.test(s.trim()) ? `"${s.trim()}"` : s.trim());

/**
 * How the synonym table widens `query`. A multi-word synonym goes in as a quoted phrase, so
 * "examined after death" does not match every page that says "after".
 */
export function widenWithSynonyms(query: string, table: SynonymTable): Widening {
  const folded = ` ${foldPhrase(query)} `;
  const queries: string[] = [];
  const added: string[] = [];
  const add = (matched: string, replacement: string) => {
    const rest = folded.replace(` ${matched} `, ' ').trim();
    const q = [quoteIfPhrase(replacement), rest].filter(Boolean).join(' ');
    if (!queries.includes(q)) queries.push(q);
    if (!added.includes(replacement)) added.push(replacement);
  };
  const contains = (term: string) => folded.includes(` ${foldPhrase(term)} `);
  for (const group of table.same) {
    const hit = group.find(contains);
    if (!hit) continue;
    for (const other of group) if (foldPhrase(other) !== foldPhrase(hit) && !contains(other)) add(foldPhrase(hit), other);
  }
  for (const rule of table.also) {
    const hit = rule.find.find(contains);
    if (!hit) continue;
    for (const other of rule.add) if (!contains(other)) add(foldPhrase(hit), other);
  }
  // Spellings: word beginnings, both ways.
  const words = folded.trim().split(' ');
  for (const [us, uk] of table.spellings) {
    for (const [from, to] of [[foldPhrase(us), foldPhrase(uk)], [foldPhrase(uk), foldPhrase(us)]] as const) {
      const at = words.findIndex((w) => w.startsWith(from) && !w.startsWith(to));
      if (at < 0) continue;
      const word = words[at] as string;
      const respelled = to + word.slice(from.length);
      const q = words.map((w, i) => (i === at ? respelled : w)).join(' ');
      if (!queries.includes(q)) queries.push(q);
      if (!added.includes(respelled)) added.push(respelled);
    }
  }
  return { queries, added };
}

/** Every word and phrase of the table, for the vocabulary: a synonym typed with a typo is still found. */
export function synonymTerms(table: SynonymTable): string[] {
  return [...table.same.flat(), ...table.also.flatMap((r) => [...r.find, ...r.add]), ...table.spellings.flat()];
}
