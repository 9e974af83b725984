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
const SVG = 'http://www.w3.org/2000/svg';
// 24 × 24 icons: a half-filled circle (follow the system), a sun, a moon.
const ICON: Record<Theme, { d: string; fill?: string; stroke?: string }[]> = {
  system: [
    { d: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', stroke: 'currentColor' },
    { d: 'M12 3a9 9 0 0 1 0 18z', fill: 'currentColor' },
  ],
  light: [
    { d: 'M12 7.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z', fill: 'currentColor' },
    { d: 'M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1', stroke: 'currentColor' },
  ],
  dark: [{ d: 'M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z', fill: 'currentColor' }],
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

function icon(theme: Theme): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ 'aria-hidden': 'true', viewBox: '0 0 24 24', width: '20', height: '20' })) svg.setAttribute(k, v);
  for (const part of ICON[theme]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', part.d);
    path.setAttribute('fill', part.fill ?? 'none');
    if (part.stroke) {
      path.setAttribute('stroke', part.stroke);
      path.setAttribute('stroke-width', '2');
      path.setAttribute('stroke-linecap', 'round');
    }
    svg.append(path);
  }
  return svg;
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
      const prefix = document.createElement('span');
      prefix.className = 'visually-hidden';
      prefix.textContent = 'Theme: ';
      const word = document.createElement('span');
      word.className = 'theme-word';
      word.textContent = WORD[theme];
      button.replaceChildren(icon(theme), prefix, word);
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
