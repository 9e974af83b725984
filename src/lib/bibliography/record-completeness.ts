/**
 * Which bibliographic details an identified reference's record still lacks. The shared sources hold
 * a field only where a public record showed it, so some references have no authors, title, journal
 * or year yet. Readers and reference managers are told which, rather than left with a bare entry:
 * - /references/ and every reference list say "authors not yet known" and so on, and such an entry
 *   shows no "Confirmed" badge until its record is complete (reference-format.ts);
 * - the BibTeX and RIS exports keep the record, with its DOI and PMID, and a note naming what is
 *   missing, so a reference manager can fetch the rest (exports.ts).
 */
import { namedAuthors, type BibEntry } from './bibliography.ts';

/** A detail a complete record has. `journal` applies to journal articles only. */
export type RecordDetail = 'authors' | 'title' | 'journal' | 'year';

/** The details, in the order a citation reads them. */
export const RECORD_DETAILS: readonly RecordDetail[] = ['authors', 'title', 'journal', 'year'];

/**
 * The details an identified reference's record lacks, in citation order; [] for a complete record,
 * for the review's own entry (complete) and for the unidentified placeholders (nothing to complete:
 * they are not yet identified at all).
 */
export function missingDetails(entry: BibEntry): RecordDetail[] {
  if (entry.confidence === 'unidentified') return [];
  const c = entry.csl;
  const has: Record<RecordDetail, boolean> = {
    authors: namedAuthors(c).length > 0,
    title: Boolean(c.title?.trim()),
    journal: c.type !== 'article-journal' || Boolean(c['container-title']?.trim()),
    year: c.issued?.['date-parts']?.[0]?.[0] !== undefined,
  };
  return RECORD_DETAILS.filter((d) => !has[d]);
}

/** True when an identified reference's record has every detail a citation needs. */
export const recordComplete = (entry: BibEntry): boolean => missingDetails(entry).length === 0;

/** "authors", "authors and year", "authors, journal and year". */
export function detailList(details: readonly string[]): string {
  if (details.length <= 1) return details.join('');
  return `${details.slice(0, -1).join(', ')} and ${details.at(-1)}`;
}

/**
 * What a reader is told about an incomplete record: "Record incomplete: authors and year not yet
 * known." ('' for a complete one).
 */
export function missingDetailsNote(entry: BibEntry): string {
  const missing = missingDetails(entry);
  return missing.length ? `Record incomplete: ${detailList(missing)} not yet known.` : '';
}

/**
 * What an export says about an incomplete record, naming the identifier a reference manager can
 * complete it from ('' for a complete one).
 */
export function missingDetailsExportNote(entry: BibEntry): string {
  const missing = missingDetails(entry);
  if (!missing.length) return '';
  const { DOI, PMID } = entry.csl;
  const ids = [DOI ? 'DOI' : '', PMID ? 'PMID' : ''].filter(Boolean);
  const from = ids.length ? `complete it from its ${ids.join(' or ')}` : 'no DOI or PMID known yet';
  return `Record incomplete: ${detailList(missing)} not yet known (${from}).`;
}
