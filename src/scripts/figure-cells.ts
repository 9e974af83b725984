/**
 * A figure's boxes as one Tab stop (a roving tabindex): Tab enters the drawing at its first box, or
 * the one last visited; the arrow keys move from box to box, Home and End to the first and last;
 * Enter follows the box's link to its atlas page. Without JavaScript every box stays a plain link
 * in the Tab order.
 */
const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

for (const svg of document.querySelectorAll<SVGSVGElement>('.fig-drawing svg')) {
  const cells = [...svg.querySelectorAll<SVGAElement>('a.fig-node')];
  if (cells.length < 2) continue;
  const current = (cell: SVGAElement) => {
    for (const c of cells) c.setAttribute('tabindex', c === cell ? '0' : '-1');
  };
  current(cells[0]!);
  svg.addEventListener('keydown', (e) => {
    const i = cells.indexOf(e.target as SVGAElement);
    if (i < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? cells.length - 1 : STEP[e.key] === undefined ? -1 : (i + STEP[e.key]! + cells.length) % cells.length;
    if (to < 0) return;
    e.preventDefault();
    current(cells[to]!);
    cells[to]!.focus();
  });
  const key = svg.closest('figure')?.querySelector('.fig-key');
  if (key && !key.querySelector('.fig-key-arrows')) {
    const hint = document.createElement('span');
    hint.className = 'fig-key-arrows';
    hint.textContent = ' With the keyboard, Tab reaches the first box and the arrow keys the others.';
    key.append(hint);
  }
}
