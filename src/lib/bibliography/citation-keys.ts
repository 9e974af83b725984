/**
 * Finds citation keys in text the way authors write them in chapters: `[@key]`,
 * `[@key1; @key2]`, and Pandoc's narrative form `@key`. Pure, so the citation guard and the
 * chapter tests share one reading of the syntax.
 */

export interface CitationKeyMatch {
  key: string;
  /** Offset of the "@" in the text. */
  index: number;
  /** The whole bracketed group, or the bare "@key". */
  group: string;
}

const GROUP = /\[([^[\]]*@[^[\]]*)\]/g;
const KEY_IN_GROUP = /@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*)/g;
const NARRATIVE = /(^|[\s(])@([A-Za-z][\w-]*)/g;

/** Every key cited in `text`, in order of appearance. */
export function findCitationKeys(text: string): CitationKeyMatch[] {
  const found: CitationKeyMatch[] = [];
  const covered: [number, number][] = [];
  for (const g of text.matchAll(GROUP)) {
    const start = g.index ?? 0;
    covered.push([start, start + g[0].length]);
    for (const k of (g[1] ?? '').matchAll(KEY_IN_GROUP)) {
      // Keys end at punctuation that closes a locator or separates keys: "@a, p. 3" or "@a;".
      const key = (k[1] ?? '').replace(/[.,;:]+$/, '');
      found.push({ key, index: start + 1 + (k.index ?? 0), group: g[0] });
    }
  }
  for (const n of text.matchAll(NARRATIVE)) {
    const at = (n.index ?? 0) + (n[1] ?? '').length;
    if (covered.some(([s, e]) => at >= s && at < e)) continue;
    found.push({ key: (n[2] ?? '').replace(/[.,;:-]+$/, ''), index: at, group: `@${n[2]}` });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** 1-based line and column of `index` in `text`. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
