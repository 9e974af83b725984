/**
 * Site addresses: the base path, and the canonical form of a page or section address. A reader may
 * arrive with state in the address (a search result adds ?highlight=pthrp, a campaign link
 * ?utm_source=…); links the site hands out (copied links, cite texts, embed codes, QR codes) carry
 * none of it: the page's address without query, with the section's fragment. Pure functions.
 */

/** Joins the site's base path (import.meta.env.BASE_URL, e.g. "/" or "/review/") and a site path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A page's address without query or fragment: "https://h/x/?highlight=a#b" → "https://h/x/". */
export function canonicalPageUrl(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** A section's canonical address: the page without query, with `#sectionId` (none when empty). */
export function canonicalSectionUrl(href: string, sectionId: string): string {
  const page = canonicalPageUrl(href);
  return sectionId ? `${page}#${encodeURIComponent(sectionId)}` : page;
}

/** The path-and-fragment form for the address bar ("/x/#b"), dropping any query the reader arrived with. */
export function canonicalLocation(href: string, sectionId: string): string {
  const url = new URL(canonicalSectionUrl(href, sectionId));
  return `${url.pathname}${url.hash}`;
}
