/**
 * On arrival from a search result (?highlight=...), marks the searched words on the page with
 * Pagefind's highlight script. Loaded only then, by search-highlight-loader.ts.
 */
if (new URLSearchParams(location.search).has('highlight')) {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = `${document.documentElement.dataset['base'] ?? '/'}pagefind/pagefind-highlight.js`;
  script.addEventListener('load', () => {
    const Highlight = (window as unknown as { PagefindHighlight?: new (o: Record<string, unknown>) => unknown }).PagefindHighlight;
    if (!Highlight) return;
    new Highlight({ highlightParam: 'highlight', addStyles: false, markContext: '.prose' });
    // With no section in the link, bring the first mark into view.
    if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
  });
  document.head.append(script);
}
