/**
 * The header's scripts.
 * - <theme-toggle>: a button that switches between the light and the dark theme and remembers the
 *   choice. Until a reader chooses, the site follows the system setting. Hidden without JavaScript.
 * - The "/" key focuses the search box.
 */
const dark = matchMedia('(prefers-color-scheme: dark)');

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const isDark = () => (document.documentElement.dataset['theme'] ?? (dark.matches ? 'dark' : 'light')) === 'dark';
    const sync = () => button.setAttribute('aria-pressed', String(isDark()));
    button.hidden = false;
    sync();
    dark.addEventListener('change', sync);
    button.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      document.documentElement.dataset['theme'] = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      sync();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);

// "/" focuses the search box in the header, as on most documentation sites.
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
  const box = document.getElementById('site-search-q');
  if (box) {
    e.preventDefault();
    box.focus();
  }
});
