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
 * - A record still lacking authors, title, journal or year stays in every format, with its DOI
 *   (BibTeX `doi`, RIS `DO`) and its PMID and PMCID in the note (BibTeX has no standard field for
 *   them; RIS notes them too), and a note naming the missing details, so a reference manager can
 *   fetch the rest: no record is ever a bare note (record-completeness.ts).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { authorsTruncated, namedAuthors, type Bibliography, type BibEntry } from './bibliography.ts';
import { missingDetailsExportNote } from './record-completeness.ts';

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
    missingDetailsExportNote(entry),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * The address a reference manager can open: the record's own URL, else its DOI link, else its
 * PubMed page (so a record known only by its PMID still carries a field tools read).
 */
export function recordUrl(entry: BibEntry): string | undefined {
  const { URL, DOI, PMID } = entry.csl;
  return URL ?? (DOI ? `https://doi.org/${DOI}` : PMID ? `https://pubmed.ncbi.nlm.nih.gov/${PMID}/` : undefined);
}

/** PubMed and PMC identifiers as note text, for BibTeX, which has no standard field for them. */
export function identifierNote(entry: BibEntry): string {
  const { PMID, PMCID } = entry.csl;
  return [PMID ? `PMID: ${PMID}.` : '', PMCID ? `PMCID: ${PMCID}.` : ''].filter(Boolean).join(' ');
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
  const items = exportedEntries(bib).map((e) => {
    const item = exportItem(e, doi);
    const ids = identifierNote(e);
    // BibTeX drops a PMID: a record known by it alone links to its PubMed page instead.
    const url = !e.csl.URL && !e.csl.DOI && e.csl.PMID ? { URL: recordUrl(e) } : {};
    return { ...item, ...url, ...(ids ? { note: `${String(item['note'])} ${ids}` } : {}) };
  });
  const text = new Cite(items).format('bibtex').trim();
  // citation-js braces the name "others" as a literal; BibTeX's keyword for "and more" is bare.
  // It also repeats a URL as `howpublished`, which pandoc and others read as the publisher: the
  // `url` field alone carries it.
  return `${text.replace(/^(\s*author = \{.*) and \{others\}\},$/gm, '$1 and others},').replace(/^\s*howpublished = \{https?:[^}]*\},?\n/gm, '')}\n`;
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
    ...risLine('UR', recordUrl(entry)),
    ...notes.flatMap((n) => risLine('N1', n)),
    'ER  - ',
  ];
}

export function toRis(bib: Bibliography): string {
  const doi = bib.review.csl.DOI ?? '';
  return `${exportedEntries(bib).map((e) => risRecord(e, doi).join('\n')).join('\n\n')}\n`;
}
