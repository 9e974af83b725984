/**
 * Typo correction for search: a vocabulary of the words the site can find (built at build time from
 * the indexed text, the factor names and aliases, and the references' authors and title words), and
 * the nearest vocabulary word to a query word that matches nothing.
 *
 * Distance is Damerau-Levenshtein (optimal string alignment: insertions, deletions, substitutions
 * and swaps of two neighbouring letters), with a limit that grows with word length. Short
 * abbreviations are never corrected into other abbreviations ("NTX" stays NTX, never "CTX").
 * Pure: it runs on the search page, in the build and in tests.
 */

/** A word the site can find, how often, and where it comes from. */
export interface VocabularyWord {
  word: string;
  /** Occurrences in the indexed text plus names and references. */
  count: number;
  /** Written as an abbreviation somewhere (two or more capitals, or letters with digits): "RANKL", "CD133". */
  abbreviation: boolean;
  /** Occurs in the references (authors, title, journal): a reason to search the references index too. */
  reference: boolean;
  /** Occurs in the indexed chapter text or a factor name. */
  text: boolean;
}

export type Vocabulary = Map<string, VocabularyWord>;

/** Lower case, accents removed: "Massagué" -> "massague". */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The words of a text as the vocabulary keeps them: letters and digits, at least two characters. */
export function wordsOf(text: string): { word: string; raw: string }[] {
  const out: { word: string; raw: string }[] = [];
  for (const m of text.normalize('NFC').matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const raw = m[0].replace(/['’]s$/i, '');
    const word = foldWord(raw);
    if (word.length >= 2) out.push({ word, raw });
  }
  return out;
}

/** Written like an abbreviation: two capitals or more, or letters mixed with digits. */
export function looksLikeAbbreviation(raw: string): boolean {
  return (raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2 || (/\p{L}/u.test(raw) && /\p{N}/u.test(raw));
}

export type VocabularySource = 'text' | 'reference';

/** Adds the words of `text` to `vocabulary`. */
export function addToVocabulary(vocabulary: Vocabulary, text: string, source: VocabularySource): void {
  for (const { word, raw } of wordsOf(text)) {
    if (/^\p{N}+$/u.test(word)) continue; // bare numbers are never corrected, nor corrected into
    const entry = vocabulary.get(word) ?? { word, count: 0, abbreviation: false, reference: false, text: false };
    entry.count += 1;
    if (looksLikeAbbreviation(raw)) entry.abbreviation = true;
    if (source === 'reference') entry.reference = true;
    else entry.text = true;
    vocabulary.set(word, entry);
  }
}

/**
 * The vocabulary as shipped: sorted words, front-coded (each line says how many leading characters
 * it shares with the previous word, then the rest), with a weight (log2 of its count) and flags.
 * Line: `<shared, base 36><rest> <weight><flags>`, flags `a` abbreviation, `r` reference, `t` text.
 */
export function encodeVocabulary(vocabulary: Vocabulary): string {
  const words = [...vocabulary.values()].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  let previous = '';
  const lines: string[] = [];
  for (const w of words) {
    let shared = 0;
    const max = Math.min(35, previous.length, w.word.length);
    while (shared < max && previous[shared] === w.word[shared]) shared += 1;
    const flags = `${w.abbreviation ? 'a' : ''}${w.reference ? 'r' : ''}${w.text ? 't' : ''}`;
    lines.push(`${shared.toString(36)}${w.word.slice(shared)} ${Math.min(9, Math.floor(Math.log2(Math.max(1, w.count))))}${flags}`);
    previous = w.word;
  }
  return `${lines.join('\n')}\n`;
}

export class VocabularyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VocabularyFormatError';
  }
}

/** Reads what encodeVocabulary wrote. Counts come back as powers of two (their weight). */
export function decodeVocabulary(text: string): Vocabulary {
  const vocabulary: Vocabulary = new Map();
  let previous = '';
  text.split('\n').forEach((line, i) => {
    if (!line) return;
    const m = /^([0-9a-z])(\S*) (\d)([art]*)$/.exec(line);
    if (!m) throw new VocabularyFormatError(`search vocabulary, line ${i + 1}: "${line.slice(0, 40)}" is not "<shared><rest> <weight><flags>". Rebuild the site.`);
    const [, sharedText = '0', rest = '', weight = '0', flags = ''] = m;
    const word = previous.slice(0, parseInt(sharedText, 36)) + rest;
    vocabulary.set(word, { word, count: 2 ** Number(weight), abbreviation: flags.includes('a'), reference: flags.includes('r'), text: flags.includes('t') });
    previous = word;
  });
  return vocabulary;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment) between a and b, or `max + 1` as soon as
 * it is sure to exceed `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const up = rows[i - 1] as number[];
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  const d = (rows[a.length] as number[])[b.length] as number;
  return d > max ? max + 1 : d;
}

/** How many edits a word of this length may be corrected by: none up to 4 letters, 1 up to 7, then 2. */
export function editLimit(word: string): number {
  const n = [...word].length;
  if (n <= 4) return 0;
  if (n <= 7) return 1;
  return 2;
}

const SUFFIXES: [string, string][] = [
  ['ingly', ''], ['edly', ''], ['ings', ''], ['ing', ''], ['ies', 'y'], ['ied', 'y'], ['es', ''], ['ed', ''], ['ly', ''], ['er', ''], ['s', ''], ['e', ''],
];

/**
 * A light English stem, for telling a word the index knows in another form ("hide" / "hiding",
 * "predicts" / "predicted") from a typo. The index stems words itself; this only keeps such words
 * from being "corrected".
 */
export function lightStem(word: string): string {
  const w = foldWord(word);
  for (const [suffix, replacement] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, w.length - suffix.length) + replacement;
  }
  return w;
}

const stemSets = new WeakMap<Vocabulary, Set<string>>();
function stemsOf(vocabulary: Vocabulary): Set<string> {
  let stems = stemSets.get(vocabulary);
  if (!stems) {
    stems = new Set([...vocabulary.keys()].map(lightStem));
    stemSets.set(vocabulary, stems);
  }
  return stems;
}

export interface Correction {
  from: string;
  to: string;
}

/** Words too common to correct or to correct into. */
export const NEVER_CORRECT: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'and', 'or', 'is', 'are', 'by', 'for', 'with']);

/**
 * The vocabulary word `word` should be read as, or null when it stands as typed. A word is
 * corrected when neither it nor another form of it is in the vocabulary, or when it is a rare word (seen once) and a word one
 * edit away is common (16 times or more) and not an abbreviation. Among candidates the nearest
 * wins, then the more frequent, then the one with the same first letter.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | null {
  const folded = foldWord(word);
  if (NEVER_CORRECT.has(folded) || /\p{N}/u.test(folded)) return null;
  const limit = editLimit(folded);
  if (limit === 0) return null;
  const known = vocabulary.get(folded);
  if (!known && stemsOf(vocabulary).has(lightStem(folded))) return null; // another form of a word the site has
  const typedAsAbbreviation = looksLikeAbbreviation(word) || [...folded].length <= 5;
  let best: { word: string; distance: number; count: number } | null = null;
  for (const candidate of vocabulary.values()) {
    if (candidate.word === folded || NEVER_CORRECT.has(candidate.word)) continue;
    // Short words and abbreviations are never turned into (other) abbreviations.
    if (candidate.abbreviation && typedAsAbbreviation) continue;
    if (/\p{N}/u.test(candidate.word)) continue;
    const distance = editDistance(folded, candidate.word, limit);
    if (distance > limit) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && candidate.count > best.count) ||
      (distance === best.distance && candidate.count === best.count && candidate.word[0] === folded[0] && best.word[0] !== folded[0])
    ) {
      best = { word: candidate.word, distance, count: candidate.count };
    }
  }
  if (!best) return null;
  if (known) {
    // A known word stands unless it is a one-off and a common word is one edit away.
    const rare = known.count <= 1 && !known.abbreviation;
    if (!(rare && best.distance === 1 && best.count >= 16 && [...folded].length >= 6)) return null;
  }
  return best.word;
}

/**
 * A query with its unknown words corrected. Words the caller protects (factor names, for example)
 * stay as typed. Returns the corrected query (original spacing and punctuation kept) and each change.
 */
export function correctQuery(query: string, vocabulary: Vocabulary, isProtected: (word: string) => boolean = () => false): { query: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const corrected = query.replace(/[\p{L}\p{N}]+/gu, (word) => {
    if (isProtected(word)) return word;
    const to = correctWord(word, vocabulary);
    if (!to || to === foldWord(word)) return word;
    corrections.push({ from: word, to });
    return to;
  });
  return { query: corrected, corrections };
}
