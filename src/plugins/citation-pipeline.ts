/**
 * The citation pipeline: the remark and rehype plugins every chapter goes through, in order.
 * Citations show each reference's number in the review (rehype-reference-list rewrites
 * rehype-citation's per-page numbers).
 *
 *   remark-gfm -> remark-no-script -> remark-stable-heading-ids -> (remark-rehype) ->
 *   rehype-citation-guard -> rehype-citation (Vancouver) -> rehype-reference-list
 *   -> rehype-internal-links -> rehype-factor-links -> rehype-section-links
 *
 * astro.config.mjs hands these lists to Astro's unified processor; the unit tests run the same
 * lists on fixtures, so what is tested is what is built.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { relative, resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import rehypeCitation from 'rehype-citation';
import type { Bibliography } from '../lib/bibliography/bibliography.ts';
import remarkStableHeadingIds from './remark-stable-heading-ids.ts';
import remarkNoScript from './remark-no-script.ts';
import remarkTypography from './remark-typography.ts';
import rehypeCitationGuard from './rehype-citation-guard.ts';
import rehypeReferenceList from './rehype-reference-list.ts';
import rehypeFactorLinks from './rehype-factor-links.ts';
import rehypeSectionLinks from './rehype-section-links.ts';
import rehypeInternalLinks, { type InternalLinksOptions } from './rehype-internal-links.ts';
import type { Factor } from '../lib/atlas/factors.ts';
import { RESERVED_HEADING_PREFIXES, REVIEW_UNCITABLE, reservedHeadingIds } from '../lib/chapters/chapter-rules.ts';

export interface CitationPipelineOptions {
  bibliography: Bibliography;
  /** Path of the bibliography relative to `root`, as rehype-citation wants it. */
  bibliographyFile: string;
  /**
   * The same bibliography as CSL-JSON (lib/bibliography/citation-data-file.ts), which rehype-citation
   * reads far faster than BibTeX for each chapter; the BibTeX file when not given.
   */
  citationDataFile?: string;
  root: string;
  /** The factor atlas; when given, first mentions link to factor pages. */
  factors?: readonly Factor[];
  /** URL of a factor page. */
  factorHref?: (id: string) => string;
  /** Site pages and anchors chapters may link to; when given, links are checked and get the base path. */
  links?: InternalLinksOptions;
}


export function remarkPlugins(): RemarkPlugins {
  return [remarkGfm, remarkNoScript, remarkTypography, [remarkStableHeadingIds, { require: [2, 3], reserved: reservedHeadingIds(), reservedPrefixes: RESERVED_HEADING_PREFIXES }]];
}

export function rehypePlugins({ bibliography, bibliographyFile, citationDataFile, root, factors, factorHref = (id) => `/factors/${id}/`, links }: CitationPipelineOptions): RehypePlugins {
  return [
    [
      rehypeCitationGuard,
      {
        knownKeys: new Set(bibliography.entries.keys()),
        bibliographyFile,
        // Citations show the review's own numbers; the review itself has none.
        uncitable: new Map([
          [
            bibliography.review.key,
            REVIEW_UNCITABLE,
          ],
        ]),
      },
    ],
    // rehype-citation joins `path` and `bibliography`, so it takes the file relative to the root.
    // It numbers and links the citations; the reference list is rehype-reference-list's.
    [
      rehypeCitation,
      { bibliography: relative(root, resolve(root, citationDataFile ?? bibliographyFile)), path: root, csl: 'vancouver', lang: 'en-US', linkCitations: true, suppressBibliography: true },
    ],
    [rehypeReferenceList, { bibliography }],
    ...(links ? [[rehypeInternalLinks, links] as [typeof rehypeInternalLinks, unknown]] : []),
    ...(factors ? [[rehypeFactorLinks, { factors, href: factorHref }] as [typeof rehypeFactorLinks, unknown]] : []),
    [rehypeSectionLinks, { skipIds: ['references-title'] }],
  ];
}
