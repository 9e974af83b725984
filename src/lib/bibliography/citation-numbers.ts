/**
 * One numbering everywhere: a citation shows each reference's number in the review
 * (`reviewnumber`), in chapters, factor pages, previews and reference lists alike, so "see
 * reference 84" means the same thing on every page and in the original paper.
 *
 * A group of keys becomes its numbers in rising order; three or more consecutive numbers collapse
 * to a range ("5–8"), as Vancouver does. Each number that is shown links to its own entry: in
 * "5–8" the 5 links to reference 5 and the 8 to reference 8; 6 and 7 are named by the group's
 * `data-cites`. Pure functions.
 */
import type { Bibliography, BibEntry } from './bibliography.ts';

export class CitationNumberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationNumberError';
  }
}

/** One piece of a rendered citation group: a number linked to its entry, or a separator. */
export type CitationPart = { kind: 'number'; key: string; number: number } | { kind: 'separator'; text: string };

/** The en dash of a range and the comma between numbers, with no space (Vancouver). */
export const RANGE_DASH = '–';
export const NUMBER_SEPARATOR = ',';

/** The entry's number in the review; the source review itself has none and cannot be cited by number. */
export function reviewNumberOf(bib: Bibliography, key: string, where = ''): number {
  const entry = bib.entries.get(key);
  if (!entry) throw new CitationNumberError(`${where ? `${where}: ` : ''}"${key}" is not in ${bib.file}. Fix the key, or add the entry there.`);
  if (entry.reviewNumber === undefined) {
    throw new CitationNumberError(
      `${where ? `${where}: ` : ''}"${key}" is the review this site presents; it has no number in its own reference list, and every page already names it as the source. Cite the reference the review gives for the claim instead.`,
    );
  }
  return entry.reviewNumber;
}

/** Runs of numbers: consecutive runs of three or more become [first, last]. Input in any order. */
export function compressNumbers(numbers: readonly number[]): (number | [number, number])[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: (number | [number, number])[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j += 1;
    if (j - i >= 2) out.push([sorted[i] as number, sorted[j] as number]);
    else for (let k = i; k <= j; k += 1) out.push(sorted[k] as number);
    i = j + 1;
  }
  return out;
}

/** A citation group's keys as numbers and separators, in the review's numbering. */
export function citationParts(bib: Bibliography, keys: readonly string[], where = ''): CitationPart[] {
  const keyOf = new Map<number, string>();
  for (const key of keys) keyOf.set(reviewNumberOf(bib, key, where), key);
  const num = (n: number): CitationPart => ({ kind: 'number', key: keyOf.get(n) as string, number: n });
  const parts: CitationPart[] = [];
  compressNumbers([...keyOf.keys()]).forEach((run, i) => {
    if (i) parts.push({ kind: 'separator', text: NUMBER_SEPARATOR });
    if (Array.isArray(run)) parts.push(num(run[0]), { kind: 'separator', text: RANGE_DASH }, num(run[1]));
    else parts.push(num(run));
  });
  return parts;
}

/** A group's keys in the review's numbering (the order of `data-cites`). */
export function sortByReviewNumber(bib: Bibliography, keys: readonly string[], where = ''): string[] {
  return [...new Set(keys)].sort((a, b) => reviewNumberOf(bib, a, where) - reviewNumberOf(bib, b, where));
}

/** Entries in the review's numbering, for a page's reference list. */
export function entriesInReviewOrder(bib: Bibliography, keys: readonly string[], where = ''): BibEntry[] {
  return sortByReviewNumber(bib, keys, where).map((k) => bib.entries.get(k) as BibEntry);
}

/** "3, 7, 72–85": how a list of review numbers reads in prose. */
export function numberListText(numbers: readonly number[]): string {
  return compressNumbers(numbers)
    .map((run) => (Array.isArray(run) ? `${run[0]}${RANGE_DASH}${run[1]}` : String(run)))
    .join(', ');
}
