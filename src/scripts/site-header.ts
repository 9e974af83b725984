/**
 * The header's scripts.
 * - <theme-toggle> (theme-toggle.ts): system, light or dark theme, remembered.
 * - <header-search>: on a phone, the search box sits behind a button that opens it (Escape closes
 *   it). Without JavaScript the button is a link to /search/; wide screens always show the box.
 * - The "/" key focuses the search box (opening it first on a phone).
 */
import './theme-toggle.ts';

class HeaderSearch extends HTMLElement {
  connectedCallback(): void {
    const toggle = this.querySelector<HTMLButtonElement>('.search-toggle');
    const input = this.querySelector<HTMLInputElement>('input[name=q]');
    if (!toggle || !input) return;
    toggle.hidden = false;
    this.dataset['js'] = '';
    toggle.addEventListener('click', () => (this.hasAttribute('data-open') ? this.close() : this.open()));
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.hasAttribute('data-open')) {
        this.close();
        toggle.focus();
      }
    });
  }

  /** Shows the box (on a phone it is behind the button) and puts the cursor in it. */
  open(): void {
    this.setAttribute('data-open', '');
    this.querySelector('.search-toggle')?.setAttribute('aria-expanded', 'true');
    this.querySelector<HTMLInputElement>('input[name=q]')?.focus();
  }

  close(): void {
    this.removeAttribute('data-open');
    this.querySelector('.search-toggle')?.setAttribute('aria-expanded', 'false');
  }
}

customElements.define('header-search', HeaderSearch);

// "/" focuses the search box in the header, as on most documentation sites; on the search page,
// the page's own box.
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  const header = document.querySelector<HeaderSearch>('header-search');
  const box = document.getElementById('site-search-q') ?? document.getElementById('search-q');
  if (!box) return;
  e.preventDefault();
  if (header && box.offsetParent === null) header.open();
  else box.focus();
});
