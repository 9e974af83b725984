/**
 * Size budgets, in bytes as a server sends them (gzip): a chapter's first visit stays under 30 KB
 * in all, with under 5 KB of JavaScript before search is opened, and nothing from another origin.
 */
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../src/lib/site/page-weight.ts';
import { builtPages, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';

describe('budgets', () => {
  it.each(CHAPTERS)('%s: first visit at most 30 KB gzip (HTML, CSS, JS, fonts and icons)', (path) => {
    const w = pageWeight('dist', path);
    expect(w.total, JSON.stringify(w)).toBeLessThanOrEqual(30 * 1024);
    expect(w.files.some((f) => f.endsWith('.css'))).toBe(true);
  });

  it.each(CHAPTERS)('%s: at most 5 KB of JavaScript before search is opened', (path) => {
    const w = pageWeight('dist', path);
    expect(w.js).toBeGreaterThan(0);
    expect(w.js, w.files.join(', ')).toBeLessThanOrEqual(5 * 1024);
  });

  it('no page loads anything from another origin', () => {
    for (const page of builtPages().values()) expect(pageWeight('dist', page.path).external, page.path).toEqual([]);
  });
});
