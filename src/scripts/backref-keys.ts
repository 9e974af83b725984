/**
 * The back-links of each reference-list entry ("a b c", one per place the page cites it) as one Tab
 * stop (a roving tabindex): Tab reaches an entry's first back-link, or the one last visited; Left
 * and Right move between them, Home and End to the first and last; Enter follows the link. Up and
 * Down still scroll the page. Without JavaScript every back-link stays a plain link in the Tab order.
 */
import { rovingTarget } from '../lib/site/roving-focus.ts';

let hinted = false;
for (const group of document.querySelectorAll<HTMLElement>('.reference-list .backrefs')) {
  const links = [...group.querySelectorAll<HTMLAnchorElement>('a.backref')];
  if (links.length < 2) continue;
  const current = (to: number) => links.forEach((a, i) => (a.tabIndex = i === to ? 0 : -1));
  current(0);
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Back to the ${links.length} citations of reference ${group.closest('li')?.getAttribute('value') ?? ''}`.trim());
  group.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = rovingTarget(e.key, links.indexOf(e.target as HTMLAnchorElement), links.length);
    if (to < 0) return;
    e.preventDefault();
    current(to);
    links[to]!.focus();
  });
  if (!hinted) {
    hinted = true;
    group.closest('section')?.querySelector('h2')?.after(
      Object.assign(document.createElement('p'), {
        className: 'backref-keys',
        textContent: 'The letters beside an entry lead back to each place this page cites it. They are one Tab stop; the arrow keys move between them.',
      }),
    );
  }
}
