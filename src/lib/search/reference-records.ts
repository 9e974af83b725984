/**
 * The references as search records: one per reference of the review, with its authors, title,
 * journal and year as searchable text, its number in the review and how sure its identification
 * is, and the chapter sections that cite it. They go into an index of their own
 * (/pagefind-references/), so chapter results are never drowned by reference titles. Pure.
 */
import type { BibEntry } from '../bibliography/bibliography.ts';
import { identificationStatus } from '../bibliography/reference-format.ts';

import type { CitingSection } from './cited-in.ts';

export type { CitingSection };

export interface ReferenceRecord {
  /** /references/#<key>, with the base path. */
  url: string;
  key: string;
  /** Number in the review. */
  number: number;
  /** Badge words, as on /references/: "Identified", "Uncertain"... */
  confidence: string;
  /** The confidence level itself, for styling. */
  level: string;
  /** What the result shows as its title: first author, year, and the start of the title. */
  title: string;
  /** The searchable words: authors (family and given names), title, journal, year, number. */
  content: string;
  citedIn: CitingSection[];
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, s.lastIndexOf(' ', max))}…`);

/** The search record of one reference. */
export function referenceRecord(entry: BibEntry, referencesUrl: string, citedIn: CitingSection[]): ReferenceRecord {
  const c = entry.csl;
  const status = identificationStatus(entry);
  const authors = (c.author ?? []).map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(' ')).filter(Boolean);
  const year = c.issued?.['date-parts']?.[0]?.[0];
  const number = entry.reviewNumber ?? 0;
  const firstAuthor = (c.author ?? [])[0];
  const lead = firstAuthor ? `${firstAuthor.family ?? firstAuthor.literal ?? ''}${(c.author ?? []).length > 1 ? ' et al.' : ''}` : '';
  const identified = entry.confidence !== 'unidentified';
  const title = identified
    ? [lead, year ? String(year) : '', c.title ? cut(c.title, 90) : ''].filter(Boolean).join(', ') || `Reference ${number}`
    : `Reference ${number} (not yet identified)`;
  const content = identified
    ? [authors.join(', '), c.title ?? '', c['container-title'] ?? '', year ? String(year) : '', `Reference ${number} in the review`].filter(Boolean).join('. ')
    : `Reference ${number} of the review, not yet identified.`;
  return {
    url: `${referencesUrl}#${entry.key}`,
    key: entry.key,
    number,
    confidence: status.label,
    level: status.confidence,
    title,
    content,
    citedIn,
  };
}
