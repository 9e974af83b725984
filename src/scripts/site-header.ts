/**
 * The header's scripts.
 * - <theme-toggle> (theme-toggle.ts): system, light or dark theme, remembered.
 * - The "/" key focuses the search box.
 */
import './theme-toggle.ts';

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
