/**
 * Questions as queries: "what do T cells do to osteoclasts" is searched as "T cells osteoclasts".
 * Stop words and question words are dropped; single letters stay, because they are names here
 * (T cells, B cells, vitamin D), and so does "no" written as NO (nitric oxide). Pure.
 */

const STOP_WORDS = new Set(
  (
    'a an the of to in on at by for from with without into onto about as and or but than then so ' +
    'is are was were be been being am do does did doing done has have had having can could may might must shall should will would ' +
    'what which who whom whose why how when where whether ' +
    'this that these those it its it’s it\'s there their they them we our you your i me my he she his her ' +
    'any some all each every such very also just only more most much many other others ' +
    'tell explain show find know mean means meant role roles'
  ).split(' '),
);

/** Words a question carries that say nothing about its topic. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/**
 * The words of `query` that carry its topic, in order, as typed. A query of stop words only (or
 * one that is empty once they are gone) comes back whole.
 */
export function topicWords(query: string): string[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => {
    const bare = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!bare) return false;
    if (bare === 'NO') return true; // nitric oxide
    return !isStopWord(bare);
  });
  return kept.length ? kept.map((w) => w.replace(/[?!.,;:]+$/u, '')) : words;
}

/** The query without its stop and question words: "which serum marker predicts skeletal events?" -> "serum marker predicts skeletal events". */
export function topicQuery(query: string): string {
  return topicWords(query).join(' ');
}
