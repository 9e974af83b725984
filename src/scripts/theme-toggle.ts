/**
 * <theme-toggle>: a button that switches between the light and the dark theme and remembers the
 * choice. Until a reader chooses, the site follows the system setting. Hidden without JavaScript.
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
