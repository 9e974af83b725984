/**
 * Cite boxes are written at build time with the page's address under SITE_URL (its canonical link).
 * When the reader is at another address (a mirror, a preview, a build without SITE_URL), the boxes
 * name the address actually used: the page itself, or on an embed page the section it shows.
 */
const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
const actual = document.querySelector<HTMLAnchorElement>('a.embed-full')?.href ?? location.href.split('#')[0];
if (canonical && actual && canonical !== actual) {
  for (const pre of document.querySelectorAll('#cite-this-page pre, .embed-cite pre')) {
    pre.textContent = (pre.textContent ?? '').split(canonical).join(actual);
  }
}
