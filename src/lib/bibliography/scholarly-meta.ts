/**
 * What reference managers and search engines read from a chapter: Google Scholar / Zotero
 * `citation_*` meta tags, schema.org JSON-LD, and the "cite this page" texts. Pure functions.
 *
 * A chapter is a page of this site that retells part of the review, not the review: it never
 * declares the review's DOI as its own. The review is what the page `isBasedOn`, and the cite box
 * gives its citation beside the chapter's.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { namedAuthors, type BibEntry } from './bibliography.ts';
import type { SiteMeta } from '../site/site-meta.ts';
import { referenceLinks, referenceText, vancouverText } from './reference-format.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

export interface ChapterCitationInput {
  site: SiteMeta;
  chapterTitle: string;
  summary: string;
  /** Absolute URL of the chapter. */
  url: string;
  review: BibEntry;
  /** Entries the chapter cites, in reference-list order. */
  cited: BibEntry[];
}

export interface MetaTag {
  name: string;
  content: string;
}

const year = (e: BibEntry) => e.csl.issued?.['date-parts']?.[0]?.[0];

/** Tags describing the chapter as a page of this site (no `citation_doi`: the DOI is the review's). */
export function scholarMetaTags({ site, chapterTitle, url }: ChapterCitationInput): MetaTag[] {
  return [
    { name: 'citation_title', content: chapterTitle },
    { name: 'citation_author', content: site.editors },
    { name: 'citation_publication_date', content: site.published.replace(/-/g, '/') },
    { name: 'citation_publisher', content: site.title },
    { name: 'citation_public_url', content: url },
    { name: 'citation_language', content: site.language },
  ];
}

/**
 * schema.org: the chapter as a web page and chapter of this site, part of the site, based on the
 * review (a ScholarlyArticle with its DOI), citing every work of its reference list (title and DOI).
 */
export function chapterJsonLd({ site, chapterTitle, summary, url, review, cited }: ChapterCitationInput): Record<string, unknown> {
  const work = (e: BibEntry) => {
    const links = referenceLinks(e);
    return {
      '@type': 'ScholarlyArticle',
      name: e.confidence === 'unidentified' ? `Reference ${e.reviewNumber} of the review (not yet identified)` : e.csl.title ?? referenceText(e),
      ...(namedAuthors(e.csl).length ? { author: namedAuthors(e.csl).map((a) => ({ '@type': 'Person', name: a.literal ?? [a.given, a.family].filter(Boolean).join(' ') })) } : {}),
      ...(year(e) ? { datePublished: String(year(e)) } : {}),
      ...(e.csl.DOI ? { identifier: `https://doi.org/${e.csl.DOI}` } : {}),
      ...(links[0] ? { url: links[0].href } : {}),
    };
  };
  // The review in full; each cited work by its DOI address (or its link) alone: its title, authors and
  // year are in the reference list. This is the page's one machine-readable reference list: repeating
  // each work's title here, or in per-reference citation_reference tags, cost 3.5 KB of a 28 KB first
  // visit. A work with neither DOI nor link is named in the reference list alone.
  const cite = (e: BibEntry): string[] => {
    const { identifier, url } = work(e);
    const address = identifier ?? url;
    return typeof address === 'string' ? [address] : [];
  };
  return {
    '@context': 'https://schema.org',
    '@type': ['WebPage', 'Chapter'],
    headline: chapterTitle,
    name: chapterTitle,
    description: summary,
    url,
    inLanguage: site.language,
    datePublished: site.published,
    author: { '@type': 'Organization', name: site.editors },
    publisher: { '@type': 'Organization', name: site.title },
    isPartOf: { '@type': 'WebSite', name: site.title, url: new URL('../', url).href },
    isBasedOn: work(review),
    citation: cited.flatMap(cite),
  };
}

/** JSON for an inline <script type="application/ld+json">: no "<" can close the script early. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export interface CiteThisPage {
  chapterVancouver: string;
  chapterBibtex: string;
  reviewVancouver: string;
  reviewBibtex: string;
}

export function citeThisPage(input: ChapterCitationInput): CiteThisPage {
  // citeproc is slow to start: a chapter cited as before is read from the build cache.
  const { site, chapterTitle, url, review } = input;
  return cachedSync({ namespace: 'cite-this-page', inputs: cacheKey(site, chapterTitle, url, review), code: ['src/lib/bibliography/scholarly-meta.ts'] }, () => formatCiteThisPage(input));
}

function formatCiteThisPage({ site, chapterTitle, url, review }: ChapterCitationInput): CiteThisPage {
  const [y, m, d] = site.published.split('-').map(Number);
  const chapter = {
    id: 'chapter',
    'citation-key': `${site.title.split(/\s+/)[0]?.toLowerCase() ?? 'site'}${y}${chapterTitle.split(/[^A-Za-z]+/)[0] ?? ''}`,
    type: 'webpage',
    title: chapterTitle,
    'container-title': site.title,
    author: [{ literal: site.editors }],
    issued: { 'date-parts': [[y, m, d]] },
    URL: url,
    note: `Based on ${referenceText(review)}`,
  };
  const format = (item: unknown, as: 'vancouver' | 'bibtex') =>
    as === 'bibtex'
      ? new Cite([item]).format('bibtex').trim()
      : new Cite([item]).format('bibliography', { format: 'text', template: 'vancouver', lang: 'en-US' }).replace(/^\s*1\.\s*/, '').trim();
  let reviewBibtex = bibtexOf.get(review.key);
  if (reviewBibtex === undefined) {
    const { id: _id, ...reviewCsl } = review.csl;
    reviewBibtex = format({ ...reviewCsl, id: review.key, 'citation-key': review.key }, 'bibtex');
    bibtexOf.set(review.key, reviewBibtex);
  }
  return {
    chapterVancouver: format(chapter, 'vancouver'),
    chapterBibtex: format(chapter, 'bibtex'),
    reviewVancouver: `${vancouverText(review)}${review.csl.DOI ? ` doi:${review.csl.DOI}` : ''}`,
    reviewBibtex,
  };
}

/** The review's BibTeX is the same on every chapter: written once. */
const bibtexOf = new Map<string, string>();
