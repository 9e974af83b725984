/**
 * How a figure's citation keys resolve on the page that shows it. Every number is the reference's
 * number in the review, as everywhere on the site; a key the page's own reference list holds links
 * there (`#bib-key`), any other key links to its entry on /references/. Pure.
 */
export interface CitationLink {
  key: string;
  href: string;
  text: string;
  /** True when the key is in the page's reference list. */
  local: boolean;
}

export function citationLinks(keys: readonly string[], pageKeys: readonly string[], reviewNumber: (key: string) => number | undefined, referencesHref: string): CitationLink[] {
  return [...new Set(keys)]
    .sort((a, b) => (reviewNumber(a) ?? 0) - (reviewNumber(b) ?? 0))
    .map((key) => {
      const local = pageKeys.includes(key);
      return { key, href: local ? `#bib-${key}` : `${referencesHref}#${key}`, text: String(reviewNumber(key) ?? key), local };
    });
}

/** The keys a chapter cites, in order of first citation. */
export function firstCitationOrder(sites: readonly { key: string }[]): string[] {
  return [...new Set(sites.map((s) => s.key))];
}
