/**
 * The bibliography as files a reference manager imports: BibTeX, RIS and CSL-JSON, written by
 * citation-js from the one checked bibliography. Each entry keeps its number in the review and
 * its identification status in a note.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { Bibliography, BibEntry } from './bibliography.ts';

const STATUS_WORDS = {
  high: 'identified',
  medium: 'identified from the citing sentence',
  low: 'possible source, uncertain',
  unidentified: 'not yet identified',
} as const;

function exportItem(entry: BibEntry, reviewDoi: string): Record<string, unknown> {
  const { id: _id, ...csl } = entry.csl;
  const note =
    entry.reviewNumber === undefined
      ? 'The review presented on this site.'
      : `Reference ${entry.reviewNumber} in Roato 2014 (doi:${reviewDoi}); identification: ${STATUS_WORDS[entry.confidence ?? 'unidentified']}.`;
  return {
    ...csl,
    id: entry.key,
    'citation-key': entry.key,
    note,
    ...(entry.reviewNumber === undefined ? {} : { custom: { reviewNumber: entry.reviewNumber, confidence: entry.confidence } }),
  };
}

/** The review first, then its references in the review's numbering. */
export function exportItems(bib: Bibliography): Record<string, unknown>[] {
  const doi = bib.review.csl.DOI ?? '';
  return [bib.review, ...bib.byReviewNumber].map((e) => exportItem(e, doi));
}

export function toCslJson(bib: Bibliography): string {
  return `${JSON.stringify(exportItems(bib), null, 2)}\n`;
}

export function toBibtex(bib: Bibliography): string {
  return `${new Cite(exportItems(bib)).format('bibtex').trim()}\n`;
}

export function toRis(bib: Bibliography): string {
  return `${new Cite(exportItems(bib)).format('ris').trim()}\n`;
}
