/**
 * The back-links of each reference-list entry ("a b c", one per place the page cites it) as one Tab
 * stop (a roving tabindex): Tab reaches an entry's first back-link, or the one last visited; Left
 * and Right move between them, Home and End to the first and last; Enter follows the link; Up and
 * Down still scroll the page. Without JavaScript every back-link stays a plain link in the Tab order,
 * and the hint that names the arrow keys (written hidden by rehype-reference-list) stays hidden.
 */
import { rovingTarget } from '../lib/site/roving-focus.ts';

for (const group of document.querySelectorAll<HTMLElement>('.backrefs[role=group]')) {
  const links = [...group.children] as HTMLElement[];
  const current = (to: number) => links.forEach((a, i) => (a.tabIndex = i === to ? 0 : -1));
  current(0);
  group.addEventListener('keydown', (e) => {
    const to = e.altKey || e.ctrlKey || e.metaKey ? -1 : rovingTarget(e.key, links.indexOf(e.target as HTMLElement), links.length);
    if (to < 0) return;
    e.preventDefault();
    current(to);
    links[to]!.focus();
  });
}
document.querySelector('.backref-keys')?.removeAttribute('hidden');
