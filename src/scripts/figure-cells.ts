/**
 * A figure's boxes as one Tab stop (a roving tabindex): Tab enters the drawing at its first box, or
 * the one last visited; the arrow keys move from box to box, Home and End to the first and last;
 * Enter follows the box's link to its atlas page. Without JavaScript every box stays a plain link
 * in the Tab order.
 */
/** Where each key moves, from box i of n: -1 for a key that does not move. */
const move = (key: string, i: number, n: number): number =>
  key === 'Home' ? 0 : key === 'End' ? n - 1 : /^Arrow(Right|Down)$/.test(key) ? (i + 1) % n : /^Arrow(Left|Up)$/.test(key) ? (i + n - 1) % n : -1;

for (const svg of document.querySelectorAll('.fig-drawing svg')) {
  const cells = [...svg.querySelectorAll<SVGAElement>('a.fig-node')];
  const current = (to: number) => cells.forEach((c, i) => c.setAttribute('tabindex', i === to ? '0' : '-1'));
  current(0);
  svg.addEventListener('keydown', (e) => {
    const to = move((e as KeyboardEvent).key, cells.indexOf(e.target as SVGAElement), cells.length);
    if (to < 0 || !cells.includes(e.target as SVGAElement)) return;
    e.preventDefault();
    current(to);
    cells[to]!.focus();
  });
  svg.closest('figure')?.querySelector('.fig-key')?.append(Object.assign(document.createElement('span'), { className: 'fig-key-arrows', textContent: ' Arrow keys move between the boxes.' }));
}
