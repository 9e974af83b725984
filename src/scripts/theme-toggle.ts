/**
 * <theme-toggle>: a button that cycles the theme: follow the system, light, dark, and back to
 * following the system. The choice is remembered (localStorage "theme": "light" or "dark"; following
 * the system is stored as no entry) and applied before the first paint by /theme-init.js. The button
 * names the current state in words (visible beside the icon on wider screens, and always in its
 * accessible name); a change is also announced. Hidden without JavaScript, when the system decides.
 */
type Theme = 'system' | 'light' | 'dark';
const ORDER: readonly Theme[] = ['system', 'light', 'dark'];
const WORD: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const SPOKEN: Record<Theme, string> = { system: 'follows the system', light: 'light', dark: 'dark' };
// 24 × 24 icons (paths drawn with currentColor): a half-filled circle (follow the system), a sun, a moon.
const STROKE = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"';
const ICON: Record<Theme, string> = {
  system: `<path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z" ${STROKE}/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>`,
  light: `<path d="M12 7.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z" fill="currentColor"/><path d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" ${STROKE}/>`,
  dark: '<path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="currentColor"/>',
};

function stored(): Theme {
  const t = document.documentElement.dataset['theme'];
  return t === 'light' || t === 'dark' ? t : 'system';
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
  try {
    if (theme === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', theme);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    this.append(status);
    const render = (theme: Theme) => {
      // Fixed markup from the constants above, nothing from the reader.
      button.innerHTML = `<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">${ICON[theme]}</svg><span class="visually-hidden">Theme: </span><span class="theme-word">${WORD[theme]}</span>`;
      button.dataset['theme'] = theme;
      button.title = `Theme: ${SPOKEN[theme]}. Change to ${SPOKEN[ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length] ?? 'system']}.`;
    };
    button.removeAttribute('aria-pressed');
    button.hidden = false;
    render(stored());
    button.addEventListener('click', () => {
      const next = ORDER[(ORDER.indexOf(stored()) + 1) % ORDER.length] ?? 'system';
      apply(next);
      render(next);
      status.textContent = `Theme ${SPOKEN[next]}`;
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
