/**
 * The references as search records: one per reference of the review, with its authors, title,
 * journal and year as searchable text, its number in the review and how sure its identification
 * is, and the chapter sections that cite it. They go into an index of their own
 * (/pagefind-references/), so chapter results are never drowned by reference titles. Pure.
 */
import type { BibEntry, Bibliography } from '../bibliography/bibliography.ts';
import { identificationStatus } from '../bibliography/reference-format.ts';
import { citedInLinks, type CitingChapter } from '../bibliography/citation-sites.ts';
import { encodeCitedIn, type CitingSection } from './cited-in.ts';
import { earlyReferenceEntry, type EarlyReference } from './early-references.ts';

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

/**
 * Every reference of the review as a search record, with its entry, in the review's order: the one
 * list behind the references' index (/search-references.json) and the early reference results
 * (/search-reference-names.json). `chapters`: each chapter's id, short title and MDX body, for the
 * sections that cite each reference; `href` puts the base path on a site path.
 */
export function referenceRecords(bib: Bibliography, chapters: readonly CitingChapter[], href: (path: string) => string): { entry: BibEntry; record: ReferenceRecord }[] {
  const citedIn = citedInLinks(chapters, href);
  const referencesUrl = href('/references/');
  return bib.byReviewNumber.map((entry) => ({ entry, record: referenceRecord(entry, referencesUrl, citedIn.get(entry.key) ?? []) }));
}

/**
 * A reference's early entry (early-references.ts): the record's title, number and badge, its
 * authors' family names and its year. A reference not yet identified has no author or year the
 * index would find, so none here either.
 */
export function earlyReferenceOf(entry: BibEntry, record: ReferenceRecord): EarlyReference {
  const c = entry.csl;
  const identified = entry.confidence !== 'unidentified';
  const year = Number(c.issued?.['date-parts']?.[0]?.[0]);
  return earlyReferenceEntry({
    key: record.key,
    number: record.number,
    title: record.title,
    confidence: record.confidence,
    level: record.level,
    families: identified ? (c.author ?? []).map((a) => a.family ?? a.literal ?? '').filter(Boolean) : [],
    year: identified && Number.isInteger(year) ? year : undefined,
    cited: encodeCitedIn(record.citedIn),
  });
}
