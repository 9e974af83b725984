/**
 * A figure's phone drawing is a file (/figures/phone/<id>.svg) that the page shows as an image only
 * on narrow screens (hidden and lazy elsewhere, so never fetched there): the page carries each
 * drawing once. Loaded on a narrow screen (figure-phone-loader.ts), this puts the same file inline,
 * so that its boxes link to the atlas, it takes the page's theme and the step-through can light its
 * arrows. Without JavaScript the image
 * stays, with its text alternative and the figure's list below it.
 */
for (const img of document.querySelectorAll<HTMLImageElement>('img.fig-phone')) {
  void fetch(img.src)
    .then((r) => (r.ok ? r.text() : ''))
    .then((text) => {
      // Its own style serves the image; in the page the page's stylesheet does (and the CSP allows
      // no inline style, not even in a parsed document): it goes before parsing.
      const svg = new DOMParser().parseFromString(text.replace(/<style>[\s\S]*?<\/style>/g, ''), 'image/svg+xml').documentElement;
      if (svg.localName === 'svg') img.replaceWith(document.importNode(svg, true));
    })
    .catch(() => undefined);
}
