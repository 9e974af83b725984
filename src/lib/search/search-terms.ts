/**
 * Factor-aware search terms: a query names a factor however it is typed ("IL7", "il 7",
 * "interleukin-7", "TGF beta", "TGF-β", "NF-kB", "CXCL12"...). Pure and small: it runs on the
 * search page and in tests.
 *
 * A name is reduced to keys: lowercase, without spaces, hyphens or punctuation, with Greek letters
 * spelled out (β -> beta) and also as their Latin letter (β -> b), so "TGF-β", "TGF beta" and "tgfb"
 * meet. A query names a factor when the whole query, or a run of its words, has a key of that factor.
 */

const GREEK: Record<string, [string, string]> = {
  α: ['alpha', 'a'],
  β: ['beta', 'b'],
  γ: ['gamma', 'g'],
  δ: ['delta', 'd'],
  κ: ['kappa', 'k'],
};
const SPELLED: [RegExp, string][] = Object.entries(GREEK).map(([, [word, letter]]) => [new RegExp(word, 'g'), letter]);

/** The keys of a name: one per way of writing its Greek letters. */
export function nameKeys(name: string): string[] {
  const base = name.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss');
  const spelled = base.replace(/[αβγδκ]/g, (c) => GREEK[c]?.[0] ?? c);
  const lettered = base.replace(/[αβγδκ]/g, (c) => GREEK[c]?.[1] ?? c);
  const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const keys = new Set([squash(spelled), squash(lettered)]);
  // "TGF beta" typed out also meets "TGF-β" written with the letter form.
  for (const [word, letter] of SPELLED) keys.add(squash(spelled.replace(word, letter)));
  keys.delete('');
  return [...keys];
}

export interface SearchFactor {
  id: string;
  name: string;
  expansion?: string;
  summary: string;
  /** The keys (nameKeys) of every name and alias. */
  keys: string[];
}

/** The summary's first sentence, cut at a word near 110 characters: one line on a card. */
export function oneLine(summary: string, max = 110): string {
  const first = /^.*?[.!?](?=\s|$)/.exec(summary)?.[0] ?? summary;
  if (first.length <= max) return first;
  return `${first.slice(0, first.lastIndexOf(' ', max)).replace(/[,;:]$/, '')}…`;
}

/** A factor as the search page needs it, from its names. */
export function searchFactor(f: { id: string; name: string; expansion?: string | undefined; summary: string; names: readonly string[] }): SearchFactor {
  return {
    id: f.id,
    name: f.name,
    ...(f.expansion ? { expansion: f.expansion } : {}),
    summary: f.summary,
    keys: [...new Set(f.names.flatMap(nameKeys))],
  };
}

/**
 * A factor as /search-factors.json ships it: without its summary, and without the keys its name
 * and expansion give (the page makes those again with nameKeys), so the file every first query
 * loads stays small.
 */
export interface ShippedFactor {
  id: string;
  name: string;
  expansion?: string;
  /** The keys of its other names and aliases; left out when there are none. */
  keys?: string[];
}

const ownKeys = (f: { name: string; expansion?: string | undefined }) => [...nameKeys(f.name), ...(f.expansion ? nameKeys(f.expansion) : [])];

export function shipFactor(f: SearchFactor): ShippedFactor {
  const own = new Set(ownKeys(f));
  const keys = f.keys.filter((k) => !own.has(k));
  return { id: f.id, name: f.name, ...(f.expansion ? { expansion: f.expansion } : {}), ...(keys.length ? { keys } : {}) };
}

/** A shipped factor back as the search page uses it (the summary comes later, with its card). */
export function unshipFactor(f: ShippedFactor): SearchFactor {
  return { id: f.id, name: f.name, ...(f.expansion ? { expansion: f.expansion } : {}), summary: '', keys: [...new Set([...ownKeys(f), ...(f.keys ?? [])])] };
}

export interface FactorKeyIndex {
  byKey: Map<string, SearchFactor[]>;
}

export function factorKeyIndex(factors: readonly SearchFactor[]): FactorKeyIndex {
  const byKey = new Map<string, SearchFactor[]>();
  for (const f of factors) {
    for (const key of f.keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(f)) list.push(f);
      byKey.set(key, list);
    }
  }
  return { byKey };
}

const plural = (key: string) => (key.length > 3 && key.endsWith('s') ? [key, key.slice(0, -1)] : [key]);

/** A run of query words (word indices start to end, end excluded) that names factors. */
export interface NamedRun {
  start: number;
  end: number;
  factors: SearchFactor[];
}

/** The runs of a query's words that name a factor: the whole query first, then the longest runs. */
export function namedRuns(query: string, index: FactorKeyIndex): NamedRun[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const runs: NamedRun[] = [];
  const covered = new Array<boolean>(words.length).fill(false);
  for (let size = words.length; size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      if (covered.slice(start, start + size).some(Boolean)) continue;
      const run = words.slice(start, start + size).join(' ');
      const hits = [...new Set(nameKeys(run).flatMap(plural).flatMap((k) => index.byKey.get(k) ?? []))];
      if (!hits.length) continue;
      runs.push({ start, end: start + size, factors: hits });
      covered.fill(true, start, start + size);
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** The factors a query names: the whole query first, then the longest runs of its words. */
export function factorsNamedBy(query: string, index: FactorKeyIndex): SearchFactor[] {
  const runs = namedRuns(query, index);
  // Longest runs first, as found.
  const found: SearchFactor[] = [];
  for (const r of [...runs].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) for (const f of r.factors) if (!found.includes(f)) found.push(f);
  return found;
}

/**
 * Multi-word names go to Pagefind as quoted phrases: "interleukin 7", never interleukin or 7 alone.
 * A hyphenated name stays one word ("interleukin-7" finds only that), and so does a single word.
 */
export function asPhrase(name: string): string {
  const words = name.replace(/["“”]/g, '').trim().split(/\s+/).filter(Boolean);
  return words.length > 1 ? `"${words.join(' ')}"` : (words[0] ?? '');
}

/**
 * The Pagefind queries for a search. For each factor the query names, the factor's own name and
 * spelled-out name come first, each as a whole phrase (Pagefind keeps the sections of a page from
 * the first query that found it, and those are the sections about the factor); then the query as
 * typed, with each run of words that names a factor held together as a phrase.
 */
export function widenedQueries(query: string, factors: readonly SearchFactor[], runs: readonly NamedRun[] = []): string[] {
  const out: string[] = [];
  const add = (q: string | undefined) => {
    const t = q?.trim();
    if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  };
  for (const f of factors) {
    add(asPhrase(f.name));
    if (f.expansion) add(asPhrase(f.expansion));
  }
  add(phrasedQuery(query, runs));
  return out;
}

/** The query with each multi-word factor name in it quoted as a phrase. */
export function phrasedQuery(query: string, runs: readonly NamedRun[]): string {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const run = runs.find((r) => r.start === i && r.end - r.start > 1);
    if (run) {
      out.push(asPhrase(words.slice(run.start, run.end).join(' ')));
      i = run.end;
    } else {
      out.push(words[i] as string);
      i += 1;
    }
  }
  return out.join(' ');
}

/** True when `marked` (a word Pagefind marked in an excerpt) is one of the factor's names, not a longer one. */
export function isExactName(marked: string, factor: SearchFactor): boolean {
  const keys = new Set(factor.keys.flatMap(plural));
  return nameKeys(marked).flatMap(plural).some((k) => keys.has(k));
}
