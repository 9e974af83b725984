/**
 * <section-link>: a click on the section's link copies its absolute URL (with the anchor) and says
 * "Link copied", in words beside the control and through one shared live region. Middle-click and
 * the context menu keep working as for any link.
 *
 * Beside each h2 of a chapter (a page with #section-tools-data) it also adds a small menu button.
 * Its first use loads the teaching tools (/section-tools.js, built from section-tools.ts: copy
 * link, embed code, QR code, cite this section), so a reader who never opens them never downloads
 * them. They are loaded as a script element, not import(), which keeps the bundler's preload
 * helper out of every chapter's first visit.
 */
import { copyAndAnnounce, copySectionLink } from './copy-announce.ts';
import { loadLazyScript } from './lazy-script.ts';
import { canonicalLocation } from '../lib/links/urls.ts';

export { copyAndAnnounce };

function loadTools(): void {
  void loadLazyScript('section-tools');
}

class SectionLink extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector('a');
    if (!link || this.dataset['ready'] !== undefined) return;
    this.dataset['ready'] = '';
    const id = (link.getAttribute('href') ?? '').slice(1);
    this.dataset['section'] = id;
    // Arrived with state in the address (?highlight= from search): the link, opened or copied from
    // the context menu, still gives the section's canonical address.
    const address = canonicalLocation(location.href, id);
    if (location.search) link.setAttribute('href', address);
    link.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.replaceState(null, '', address);
      void copySectionLink(this, id);
    });
    const heading = this.parentElement?.querySelector(':scope > h2');
    if (heading && document.getElementById('section-tools-data')) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'section-tools-toggle';
      toggle.innerHTML = '<span aria-hidden="true">⋯</span>';
      toggle.setAttribute('aria-label', `Share, embed or cite “${heading.textContent?.trim()}”`);
      toggle.setAttribute('aria-expanded', 'false');
      toggle.setAttribute('aria-controls', `section-tools-${id}`);
      // Until the tools arrive, a click asks for them; they open this menu when they load.
      toggle.addEventListener('click', () => {
        if (toggle.dataset['tools'] === undefined) {
          this.dataset['toolsWanted'] = '';
          loadTools();
        }
      });
      this.append(toggle);
      // The menu's first item is "Copy link": one Tab stop per h2 for both, not two. The "#" link
      // still works for the pointer, and is the only control without JavaScript.
      link.tabIndex = -1;
    }
    const status = document.createElement('span');
    status.className = 'section-link-status';
    status.setAttribute('aria-hidden', 'true');
    this.append(status);
  }
}

customElements.define('section-link', SectionLink);
