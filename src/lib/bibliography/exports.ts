/**
 * The bibliography as files a reference manager imports: BibTeX, RIS and CSL-JSON, from the one
 * checked bibliography. Each record keeps its number in the review and its identification status
 * in a note.
 *
 * - BibTeX and RIS hold only what a reference manager can use: the review and its identified
 *   references. The unidentified placeholders stay out (/references/ says which numbers and why);
 *   CSL-JSON, the data as the site holds it, keeps them with `custom.confidence`.
 * - A truncated author list (the record showed only the first authors) is marked as each format
 *   allows: BibTeX `and others`, CSL-JSON `{"literal": "others"}`, RIS (which has no such mark) a
 *   note "Author list incomplete (et al.)".
 * - RIS is one `TAG  - value` line per field, never wrapped.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { authorsTruncated, namedAuthors, type Bibliography, type BibEntry } from './bibliography.ts';

const STATUS_WORDS = {
  high: 'confirmed',
  medium: 'identified from the citing sentence',
  low: 'possible source, uncertain',
  unidentified: 'not yet identified',
} as const;

/** The note a record carries: where it sits in the review, how sure its identification is, and any site note. */
export function exportNote(entry: BibEntry, reviewDoi: string): string {
  return [
    entry.reviewNumber === undefined
      ? 'The review presented on this site.'
      : `Reference ${entry.reviewNumber} in Roato 2014 (doi:${reviewDoi}); identification: ${STATUS_WORDS[entry.confidence ?? 'unidentified']}.`,
    entry.siteNote ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

function exportItem(entry: BibEntry, reviewDoi: string): Record<string, unknown> {
  const { id: _id, ...csl } = entry.csl;
  return {
    ...csl,
    id: entry.key,
    'citation-key': entry.key,
    note: exportNote(entry, reviewDoi),
    ...(entry.reviewNumber === undefined ? {} : { custom: { reviewNumber: entry.reviewNumber, confidence: entry.confidence } }),
  };
}

/** Every entry: the review first, then its references in the review's numbering. */
export function allEntries(bib: Bibliography): BibEntry[] {
  return [bib.review, ...bib.byReviewNumber];
}

/** What BibTeX and RIS hold: the review and every reference with a source, not the placeholders. */
export function exportedEntries(bib: Bibliography): BibEntry[] {
  return allEntries(bib).filter((e) => e.confidence !== 'unidentified');
}

/** CSL-JSON items of every entry (the placeholders too, marked by `custom.confidence`). */
export function exportItems(bib: Bibliography): Record<string, unknown>[] {
  const doi = bib.review.csl.DOI ?? '';
  return allEntries(bib).map((e) => exportItem(e, doi));
}

export function toCslJson(bib: Bibliography): string {
  return `${JSON.stringify(exportItems(bib), null, 2)}\n`;
}

export function toBibtex(bib: Bibliography): string {
  const doi = bib.review.csl.DOI ?? '';
  const text = new Cite(exportedEntries(bib).map((e) => exportItem(e, doi))).format('bibtex').trim();
  // citation-js braces the name "others" as a literal; BibTeX's keyword for "and more" is bare.
  return `${text.replace(/^(\s*author = \{.*) and \{others\}\},$/gm, '$1 and others},')}\n`;
}

const RIS_TYPES: Record<string, string> = { 'article-journal': 'JOUR', webpage: 'ELEC', book: 'BOOK', chapter: 'CHAP', report: 'RPRT' };

/** One RIS line; a value never spans lines. */
const risLine = (tag: string, value: string | number | undefined): string[] => {
  const v = value === undefined ? '' : String(value).replace(/\s+/g, ' ').trim();
  return v ? [`${tag}  - ${v}`] : [];
};

function risRecord(entry: BibEntry, reviewDoi: string): string[] {
  const c = entry.csl;
  const [first, last] = (c.page ?? '').split(/[-–]+/);
  const date = c.issued?.['date-parts']?.[0] ?? [];
  const notes = [
    exportNote(entry, reviewDoi),
    authorsTruncated(c) ? `Author list incomplete: the record showed only the first authors (et al.).` : '',
    c.PMID ? `PMID: ${c.PMID}` : '',
    c.PMCID ? `PMCID: ${c.PMCID}` : '',
  ];
  return [
    ...risLine('TY', RIS_TYPES[c.type] ?? 'GEN'),
    ...risLine('ID', entry.key),
    ...namedAuthors(c).flatMap((a) => risLine('AU', a.literal ?? [a.family, a.given].filter(Boolean).join(', '))),
    ...risLine('TI', c.title),
    ...risLine('T2', c['container-title']),
    ...risLine('PY', date[0]),
    ...risLine('VL', c.volume),
    ...risLine('IS', c.issue),
    ...risLine('SP', first),
    ...risLine('EP', last),
    ...risLine('DO', c.DOI),
    ...risLine('UR', c.URL ?? (c.DOI ? `https://doi.org/${c.DOI}` : undefined)),
    ...notes.flatMap((n) => risLine('N1', n)),
    'ER  - ',
  ];
}

export function toRis(bib: Bibliography): string {
  const doi = bib.review.csl.DOI ?? '';
  return `${exportedEntries(bib).map((e) => risRecord(e, doi).join('\n')).join('\n\n')}\n`;
}
