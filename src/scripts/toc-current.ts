/**
 * <toc-current>: a chapter's contents ("On this page").
 * - Marks the section being read.
 * - The contents are a <details>, folded in the HTML so that a phone shows the chapter's text on its
 *   first screen. On a wide screen, where the contents sit in a column of their own, this opens them.
 *   On a narrow one, choosing a section folds them again before the page scrolls there.
 * Without JavaScript the folded contents open with a click on "On this page".
 */
// The width at which base.css puts the contents beside the text (its "max-width: 60rem" block).
const wide = matchMedia('not all and (max-width: 60rem)');

class TocCurrent extends HTMLElement {
  connectedCallback(): void {
    const details = this.querySelector('details');
    if (details) {
      const fit = () => (details.open = wide.matches);
      fit();
      wide.addEventListener('change', fit);
      // Folding runs before the link's default scroll, so the section lands where it should.
      details.addEventListener('click', (e) => {
        if (!wide.matches && e.target instanceof Element && e.target.closest('a[href^="#"]')) details.open = false;
      });
    }

    const links = new Map<string, HTMLAnchorElement>();
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) links.set(decodeURIComponent(a.hash.slice(1)), a);
    const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
    const update = () => {
      const line = window.innerHeight * 0.25;
      let current = headings[0];
      for (const h of headings) if (h.getBoundingClientRect().top <= line) current = h;
      for (const [id, a] of links) {
        if (id === current?.id) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
    };
    let queued = false;
    addEventListener('scroll', () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    }, { passive: true });
    update();
  }
}

customElements.define('toc-current', TocCurrent);
