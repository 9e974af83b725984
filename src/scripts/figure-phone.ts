/**
 * A figure's phone drawing is a file (/figures/phone/<id>.svg) shown as an image only on narrow
 * screens, so the page carries each drawing once. Where it shows, this puts the same file inline in
 * the page (from the browser's cache), so that its boxes link to the atlas, it takes the page's theme
 * and the step-through can light its arrows. Without JavaScript the image stays, with its text
 * alternative, and the figure's list beside it.
 */
const narrow = matchMedia('(max-width: 39.99rem)');

export async function inlinePhoneDrawings(root: ParentNode = document): Promise<void> {
  await Promise.all(
    [...root.querySelectorAll<HTMLElement>('picture.fig-narrow[data-src]')].map(async (picture) => {
      const src = picture.dataset['src'] ?? '';
      picture.removeAttribute('data-src');
      try {
        const response = await fetch(src);
        if (!response.ok) return;
        const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
        if (svg.localName !== 'svg') return;
        // Its own style serves the image; in the page, the page's stylesheet does (and the CSP allows no inline style).
        for (const style of svg.querySelectorAll('style')) style.remove();
        picture.replaceWith(document.importNode(svg, true));
      } catch {
        // The image stays.
      }
    }),
  );
}

const run = () => {
  if (narrow.matches) void inlinePhoneDrawings();
  else narrow.addEventListener('change', run, { once: true });
};
run();
