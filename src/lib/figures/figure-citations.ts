/**
 * How a figure's citation keys resolve on the page that shows it: a key the page's own reference
 * list holds links there (`#bib-key`) with its number in that list; any other key links to its entry
 * on /references/, labelled with its number in the review ("review refs 62, 63"). Pure.
 */
export interface CitationLink {
  key: string;
  href: string;
  text: string;
  /** True when the key is in the page's reference list. */
  local: boolean;
}

export function citationLinks(keys: readonly string[], pageOrder: readonly string[], reviewNumber: (key: string) => number | undefined, referencesHref: string): CitationLink[] {
  const unique = [...new Set(keys)];
  const local = unique.filter((k) => pageOrder.includes(k)).sort((a, b) => pageOrder.indexOf(a) - pageOrder.indexOf(b));
  const other = unique.filter((k) => !pageOrder.includes(k)).sort((a, b) => (reviewNumber(a) ?? 0) - (reviewNumber(b) ?? 0));
  return [
    ...local.map((key) => ({ key, href: `#bib-${key}`, text: String(pageOrder.indexOf(key) + 1), local: true })),
    ...other.map((key) => ({ key, href: `${referencesHref}#${key}`, text: String(reviewNumber(key) ?? key), local: false })),
  ];
}

/** The order of first citation in a chapter's source: the numbering of its reference list. */
export function firstCitationOrder(sites: readonly { key: string }[]): string[] {
  const order: string[] = [];
  for (const s of sites) if (!order.includes(s.key)) order.push(s.key);
  return order;
}
