import { describe, expect, it } from 'vitest';
import { rovingTarget } from '../../src/lib/site/roving-focus.ts';

describe('a row of links that is one Tab stop', () => {
  it('Right moves to the next link and wraps from the last to the first', () => {
    expect(rovingTarget('ArrowRight', 0, 3)).toBe(1);
    expect(rovingTarget('ArrowRight', 2, 3)).toBe(0);
  });
  it('Left moves to the previous link and wraps from the first to the last', () => {
    expect(rovingTarget('ArrowLeft', 1, 3)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 3)).toBe(2);
  });
  it('Home and End go to the first and the last link', () => {
    expect(rovingTarget('Home', 2, 5)).toBe(0);
    expect(rovingTarget('End', 0, 5)).toBe(4);
  });
  it('Up and Down are left to the page in a row, and move in a vertical one', () => {
    expect(rovingTarget('ArrowDown', 0, 3)).toBe(-1);
    expect(rovingTarget('ArrowUp', 0, 3)).toBe(-1);
    expect(rovingTarget('ArrowDown', 0, 3, { vertical: true })).toBe(1);
    expect(rovingTarget('ArrowUp', 0, 3, { vertical: true })).toBe(2);
  });
  it('other keys, and focus outside the row, move nothing', () => {
    expect(rovingTarget('Enter', 0, 3)).toBe(-1);
    expect(rovingTarget('a', 0, 3)).toBe(-1);
    expect(rovingTarget('ArrowRight', -1, 3)).toBe(-1);
    expect(rovingTarget('ArrowRight', 3, 3)).toBe(-1);
    expect(rovingTarget('Home', 0, 0)).toBe(-1);
  });
});
