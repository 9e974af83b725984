/**
 * Finding factors in prose: which factor each name or alias in a text refers to.
 *
 * A name matches as a whole word: not inside a longer name ("IL-1" is not in "IL-11" or "IL-1β",
 * "PTH" is not in "PTHrP"), with an optional plural "s". A symbol (one word with a capital: "OC",
 * "NF-κB") matches case-sensitively (so "OC" is not "oc") and may start a hyphenated word
 * ("CXCR4-positive"); any other name matches in any case ("Receptor activator of nuclear factor-κB"
 * opening a sentence) but not as the start of a hyphenated compound ("parathyroid hormone" is not in
 * "parathyroid hormone-related protein").
 * Where names of different factors overlap, the longest wins, unless `overlapping` is asked for:
 * then "monoclonal antibody against RANKL" names both the antibody and RANKL.
 */
import { linkNames, type Factor } from './factors.ts';

export interface Mention {
  factorId: string;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
}

interface NamePattern {
  factorId: string;
  name: string;
  /** The name in lowercase, to skip the regex when the text cannot contain it. */
  lower: string;
  regex: RegExp;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface FactorNameIndex {
  patterns: NamePattern[];
}

const indexes = new WeakMap<readonly Factor[], FactorNameIndex>();

/** Compiles every name and alias once per factor list; reuse the index across texts. */
export function factorNameIndex(factors: readonly Factor[]): FactorNameIndex {
  const known = indexes.get(factors);
  if (known) return known;
  const patterns: NamePattern[] = [];
  for (const f of factors) {
    // Only the factor's own names: search-only aliases ("hypoxia" for HIF-1) are never mentions.
    for (const name of linkNames(f)) {
      const caseSensitive = /\p{Lu}/u.test(name) && !/\s/.test(name);
      const plural = /\p{L}$/u.test(name) ? '(?:s|es)?' : '';
      const compound = caseSensitive ? '' : '(?!-\\p{L})';
      patterns.push({ factorId: f.id, name, lower: name.toLowerCase(), regex: new RegExp(`${escape(name)}${plural}${compound}`, caseSensitive ? 'gu' : 'giu') });
    }
  }
  // Longest first, so that when two names match at one place the longer one is kept.
  patterns.sort((a, b) => b.name.length - a.name.length);
  const index = { patterns };
  indexes.set(factors, index);
  return index;
}

export interface FindOptions {
  /** Keep mentions of one factor inside a longer name of another. Default: false. */
  overlapping?: boolean;
}

/** Every factor mention in `text`, in order. */
export function findMentions(text: string, index: FactorNameIndex, { overlapping = false }: FindOptions = {}): Mention[] {
  const taken: Mention[] = [];
  if (!/\p{L}/u.test(text)) return taken; // whitespace between elements, numbers, punctuation
  const lowerText = text.toLowerCase();
  for (const p of index.patterns) {
    if (!lowerText.includes(p.lower)) continue;
    p.regex.lastIndex = 0;
    for (const m of text.matchAll(p.regex)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const before = text[start - 1] ?? '';
      const after = text[end] ?? '';
      if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
      if (taken.some((t) => start < t.end && end > t.start && (!overlapping || t.factorId === p.factorId))) continue;
      taken.push({ factorId: p.factorId, text: m[0], start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The spelled-out name for an abbreviation. */
export function expansionOf(factor: Factor): string {
  return factor.expansion ?? factor.name;
}

/** True when the mention is an abbreviation ("PTHrP", "OCs") whose spelled-out name says more. */
export function isAbbreviation(mention: Mention, factor: Factor): boolean {
  const word = mention.text.replace(/(?<=\p{Lu})s$/u, '');
  return /\p{Lu}/u.test(word) && !/\s/.test(word) && word.length <= 10 && expansionOf(factor).toLowerCase() !== word.toLowerCase();
}
