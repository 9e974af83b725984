/**
 * Size budgets, in bytes as a server sends them (gzip): a chapter's first visit stays under 30 KB
 * in all, plus 8 KB for each teaching figure drawn inline (its wide and its phone drawing), with
 * under 6 KB of JavaScript before search is opened, and nothing from another origin. Tools used
 * later (section tools, a figure's step-through, passage links, search) load on first use.
 */
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../src/lib/site/page-weight.ts';
import { selectAll } from 'hast-util-select';
import { builtPage, builtPages, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';

/** Teaching figures drawn inline on a page (a table figure has no drawing). */
const drawnFigures = (path: string) => selectAll('figure.teaching-figure svg.fig-wide', builtPage(path).tree).length;

describe('budgets', () => {
  it.each(CHAPTERS)('%s: first visit at most 30 KB gzip (HTML, CSS, JS, fonts and icons), plus 8 KB for each drawn figure', (path) => {
    const w = pageWeight('dist', path);
    expect(w.total, JSON.stringify(w)).toBeLessThanOrEqual((30 + 8 * drawnFigures(path)) * 1024);
    expect(w.files.some((f) => f.endsWith('.css'))).toBe(true);
  });

  it.each(CHAPTERS)('%s: at most 6 KB of JavaScript before search is opened', (path) => {
    const w = pageWeight('dist', path);
    expect(w.js).toBeGreaterThan(0);
    expect(w.js, w.files.join(', ')).toBeLessThanOrEqual(6 * 1024);
  });

  it('no page loads anything from another origin', () => {
    for (const page of builtPages().values()) expect(pageWeight('dist', page.path).external, page.path).toEqual([]);
  });
});
