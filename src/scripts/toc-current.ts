/**
 * <toc-current>: marks, in a chapter's table of contents, the section being read.
 */
class TocCurrent extends HTMLElement {
  connectedCallback(): void {
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
