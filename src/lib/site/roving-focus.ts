/**
 * A roving tabindex: a row of links that is one Tab stop, with keys that move focus inside it.
 * Pure logic for the scripts that use it (src/scripts/backref-keys.ts).
 */

/**
 * Where `key` moves focus from item `index` of `count`: Left/Right step back and forward and wrap
 * round, Home and End go to the first and last; Up and Down too when `vertical` is set. Any other
 * key, or an index outside the row, gives -1: the key is left to the browser (Up and Down scroll the
 * page in a row that is not vertical).
 */
export function rovingTarget(key: string, index: number, count: number, { vertical = false } = {}): number {
  if (count < 1 || index < 0 || index >= count) return -1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (key === 'ArrowRight' || (vertical && key === 'ArrowDown')) return (index + 1) % count;
  if (key === 'ArrowLeft' || (vertical && key === 'ArrowUp')) return (index + count - 1) % count;
  return -1;
}
