/**
 * One chapter's reading list as a bibliography of its own, for the per-chapter exports
 * (/<chapter>/references.bib and .ris): the review first, then the entries the chapter cites, in
 * the order of its reference list. The exports themselves are src/lib/bibliography/exports.ts.
 */
import type { Bibliography } from '../bibliography/bibliography.ts';

export function chapterBibliography(bib: Bibliography, citedKeys: readonly string[], chapter: string): Bibliography {
  const entries = [...new Set(citedKeys)].map((key) => {
    const entry = bib.entries.get(key);
    if (!entry) throw new Error(`Chapter "${chapter}" cites "${key}", which ${bib.file} lacks: fix the key or add the entry.`);
    return entry;
  });
  return {
    file: bib.file,
    entries: new Map([[bib.review.key, bib.review], ...entries.map((e) => [e.key, e] as const)]),
    review: bib.review,
    byReviewNumber: entries.filter((e) => e.key !== bib.review.key),
  };
}
