/**
 * The source review as the section citations name it: its Vancouver text (as everywhere on the
 * site) and its APA text, each ending with its DOI.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { BibEntry } from '../bibliography/bibliography.ts';
import { vancouverText } from '../bibliography/reference-format.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

export interface ReviewTexts {
  vancouver: string;
  apa: string;
  doi: string;
}

const formatted = new Map<string, ReviewTexts>();

/** The texts of the review's entry, formatted once per version of the entry. */
export function reviewTexts(review: BibEntry): ReviewTexts {
  const version = JSON.stringify([review.key, review.csl]);
  const known = formatted.get(version);
  if (known) return known;
  // citeproc's APA engine takes long to start: the texts of an unchanged entry come from the build cache.
  const texts = cachedSync({ namespace: 'review-texts', inputs: cacheKey(version), code: ['src/lib/teaching/review-texts.ts'] }, () => formatReviewTexts(review));
  formatted.set(version, texts);
  return texts;
}

function formatReviewTexts(review: BibEntry): ReviewTexts {
  const doi = review.csl.DOI ?? '';
  if (!doi) throw new Error(`The review's entry "${review.key}" has no doi field: section citations must name it. Add it in the bibliography.`);
  const { id: _id, ...csl } = review.csl;
  const apa = String(new Cite([{ ...csl, id: review.key }]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' })).trim();
  return { vancouver: `${vancouverText(review)} doi:${doi}`, apa: apa.includes(doi) ? apa : `${apa} https://doi.org/${doi}`, doi };
}
