/**
 * On arrival from a search result (?highlight=...), marks the searched words on the page with
 * Pagefind's highlight script, loaded only then.
 */
const params = new URLSearchParams(location.search);
if (params.has('highlight')) {
  const base = document.documentElement.dataset['base'] ?? '/';
  void import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`).then((mod: { default: new (o: Record<string, unknown>) => unknown }) => {
    new mod.default({ highlightParam: 'highlight', addStyles: false, markContext: '.prose' });
    // The browser scrolled to the section before the marks existed; bring the first one into view if no section was named.
    if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
  });
}
