/**
 * How one reference reads: its Vancouver text, its links, and how sure its identification is,
 * as content/../sources README asks a reader to see it. Pure functions over a BibEntry.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { authorsTruncated, isOthers, namedAuthors, type BibEntry, type Confidence } from './bibliography.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

export interface ReferenceLink {
  kind: 'doi' | 'pubmed' | 'pmc' | 'url';
  label: string;
  href: string;
}

/** DOI, PubMed, PMC and web links an entry's data supports, in that order. */
export function referenceLinks(entry: BibEntry): ReferenceLink[] {
  const { DOI, PMID, PMCID, URL } = entry.csl;
  const links: ReferenceLink[] = [];
  if (DOI) links.push({ kind: 'doi', label: `doi:${DOI}`, href: `https://doi.org/${encodeURI(DOI).replace(/#/g, '%23')}` });
  if (PMID) links.push({ kind: 'pubmed', label: `PubMed ${PMID}`, href: `https://pubmed.ncbi.nlm.nih.gov/${PMID}/` });
  if (PMCID) links.push({ kind: 'pmc', label: PMCID, href: `https://www.ncbi.nlm.nih.gov/pmc/articles/${PMCID}/` });
  if (URL && !DOI) links.push({ kind: 'url', label: 'Web page', href: URL });
  return links;
}

const formatted = new Map<string, string>();

/**
 * The CSL item a citation processor gets. A truncated author list ends in the literal name
 * "et al.": Vancouver then prints "Pantel K, Izbicki J, Passlick B, et al.", and a list of more
 * than six still collapses to six names and "et al.", as pandoc's citeproc does with "and others".
 */
export function cslForFormatting(entry: BibEntry): Record<string, unknown> {
  const { id: _id, ...rest } = entry.csl;
  const item: Record<string, unknown> = { ...rest, id: entry.key };
  if (rest.author) item['author'] = rest.author.map((a) => (isOthers(a) ? { literal: 'et al.' } : a));
  return item;
}

const clean = (text: string) => {
  const t = text.replace(/^\s*\d+\.\s*/, '').replace(/\s+/g, ' ').replace(/;\s*$/, '.').trim();
  // A bare "2013;" or "." says nothing: treat it as empty so the fallback takes over.
  return /[\p{L}]{3,}/u.test(t) ? t : '';
};

/**
 * Formats many entries with one citation processor (starting one costs more than formatting an
 * entry), filling the cache vancouverText reads.
 */
export function formatEntries(entries: Iterable<BibEntry>): void {
  const todo = [...entries].filter((e) => !formatted.has(e.key));
  if (!todo.length) return;
  const items = todo.map((e) => cslForFormatting(e));
  const out = cachedSync({ namespace: 'references', inputs: cacheKey('vancouver/en-US', items), code: ['src/lib/bibliography/reference-format.ts'] }, () =>
    new Cite(items).format('bibliography', { format: 'text', template: 'vancouver', lang: 'en-US', asEntryArray: true }) as unknown as [string, string][],
  );
  const single = new Set(todo.filter((e) => authorsTruncated(e.csl) && namedAuthors(e.csl).length === 1).map((e) => e.key));
  for (const [id, text] of out) {
    // CSL's default delimiter-precedes-et-al ("contextual") puts no comma after a single name:
    // "Miao Z et al.". The literal "et al." is a name to citeproc-js, so it would.
    formatted.set(id, clean(single.has(id) ? text.replace(', et al.', ' et al.') : text));
  }
}

/** The entry in Vancouver style as plain text, without its number; '' when CSL gives nothing usable. */
export function vancouverText(entry: BibEntry): string {
  if (!formatted.has(entry.key)) formatEntries([entry]);
  return formatted.get(entry.key) ?? '';
}

/** Authors, journal, year and identifiers, for entries CSL cannot format (no title, no authors). */
export function fallbackText(entry: BibEntry): string {
  const c = entry.csl;
  const authors = namedAuthors(c)
    .map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(' '))
    .filter(Boolean);
  const year = c.issued?.['date-parts']?.[0]?.[0];
  const etAl = authors.length > 6 || authorsTruncated(c);
  const parts = [
    authors.length ? `${authors.slice(0, 6).join(', ')}${etAl ? ', et al' : ''}.` : '',
    c.title ? `${c.title}.` : '',
    c['container-title'] ? `${c['container-title']}.` : '',
    year ? `${year}.` : '',
    c.PMID ? `PMID ${c.PMID}.` : '',
    c.DOI ? `doi:${c.DOI}.` : '',
  ].filter(Boolean);
  return parts.join(' ') || `Citation key ${entry.key}.`;
}

/** The words a reader sees for an entry, never empty. */
export function referenceText(entry: BibEntry): string {
  if (entry.confidence === 'unidentified') return '';
  return vancouverText(entry) || fallbackText(entry);
}

export interface IdentificationStatus {
  confidence: Confidence | 'source';
  /** Short label for the entry's badge; empty for the source review, which has none. */
  label: string;
  /** A sentence that says what the label means, shown with uncertain entries. */
  note: string;
  /** Words shown before the formatted entry. */
  lead: string;
}

/** The id, on /references/, of the one explanation of what each identification level means. */
export const IDENTIFICATION_ANCHOR = 'identification';

/** The badge label of each level, as /references/#identification explains them. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: 'Confirmed',
  medium: 'Identified from the citing sentence',
  low: 'Uncertain',
  unidentified: 'Not yet identified',
};

/** How sure the identification is, in plain words. */
export function identificationStatus(entry: BibEntry): IdentificationStatus {
  const n = entry.reviewNumber;
  switch (entry.confidence) {
    case 'high':
    case 'medium':
      return { confidence: entry.confidence, label: CONFIDENCE_LABELS[entry.confidence], note: '', lead: '' };
    case 'low':
      return {
        confidence: 'low',
        label: CONFIDENCE_LABELS.low,
        note: 'A plausible candidate, not confirmed: check the review’s own reference list before relying on it.',
        lead: `Reference ${n} of the review; possible source:`,
      };
    case 'unidentified':
      return {
        confidence: 'unidentified',
        label: CONFIDENCE_LABELS.unidentified,
        note: '',
        lead: `Reference ${n} of the review, not yet identified.`,
      };
    default:
      return { confidence: 'source', label: '', note: '', lead: '' };
  }
}

/** "Reference N in the review", or the review's own description for its entry. */
export function reviewNumberLabel(entry: BibEntry): string {
  return entry.reviewNumber === undefined ? 'The review presented on this site' : `Reference ${entry.reviewNumber} in the review`;
}
