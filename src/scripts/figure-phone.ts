/**
 * A figure's phone drawing is a file (/figures/phone/<id>.svg) that the page shows as an image only
 * on narrow screens, so the page carries each drawing once. Loaded there (figure-phone-loader.ts),
 * this puts the same file inline (from the browser's cache), so that its boxes link to the atlas, it
 * takes the page's theme and the step-through can light its arrows. Without JavaScript the image
 * stays, with its text alternative and the figure's list below it.
 */
for (const picture of document.querySelectorAll<HTMLElement>('picture.fig-narrow[data-src]')) {
  const src = picture.dataset['src'] ?? '';
  picture.removeAttribute('data-src');
  void fetch(src)
    .then((r) => (r.ok ? r.text() : ''))
    .then((text) => {
      // Its own style serves the image; in the page the page's stylesheet does (and the CSP allows
      // no inline style, not even in a parsed document): it goes before parsing.
      const svg = new DOMParser().parseFromString(text.replace(/<style>[\s\S]*?<\/style>/g, ''), 'image/svg+xml').documentElement;
      if (svg.localName === 'svg') picture.replaceWith(document.importNode(svg, true));
    })
    .catch(() => undefined);
}
