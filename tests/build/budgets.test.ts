/**
 * Size budgets, in bytes as a server sends them (gzip): a chapter's first visit (HTML, CSS, the
 * JavaScript that runs on load, fonts and icons) stays under 28 KB, figures included, with at most
 * 4 KB of JavaScript, and nothing from another origin. Tools used later (citation previews, section
 * tools, a figure's step-through and phone drawing, passage links, copy buttons, search) load on
 * first use. Each figure's drawing is in the page once.
 */
import { describe, expect, it } from 'vitest';
import { selectAll } from 'hast-util-select';
import { pageWeight } from '../../src/lib/site/page-weight.ts';
import { builtPage, builtPages, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';

describe('budgets', () => {
  it.each(CHAPTERS)('%s: first visit at most 28 KB gzip (HTML, CSS, JS, fonts and icons), figures included', (path) => {
    const w = pageWeight('dist', path);
    expect(w.total, JSON.stringify({ ...w, files: w.files.join(', ') })).toBeLessThanOrEqual(28 * 1024);
    expect(w.files.filter((f) => f.endsWith('.css')), 'one stylesheet').toHaveLength(1);
  });

  it.each(CHAPTERS)('%s: at most 4 KB of JavaScript runs on load, in one module besides the theme script', (path) => {
    const w = pageWeight('dist', path);
    expect(w.js).toBeGreaterThan(0);
    expect(w.js, w.files.join(', ')).toBeLessThanOrEqual(4 * 1024);
    expect(w.files.filter((f) => f.endsWith('.js')).sort()).toEqual(['/page-chapter.js', '/theme-init.js']);
  });

  it.each(CHAPTERS)('%s: an image left out of the first visit (loading="lazy") is one a wide screen does not show: the print QR code or a phone drawing', (path) => {
    const { tree } = builtPage(path);
    const lazy = selectAll('img[loading="lazy"]', tree);
    expect(lazy.length).toBe(pageWeight('dist', path).lazyImages.length);
    const hidden = [...selectAll('.print-only img[loading="lazy"]', tree), ...selectAll('.fig-drawing > img.fig-narrow.fig-phone[loading="lazy"]', tree)];
    for (const img of lazy) expect(hidden, String(img.properties?.['src'])).toContain(img);
  });

  it.each(CHAPTERS)('%s: each figure drawing is in the page once; the phone drawing is a lazy image of a file, with its text alternative', (path) => {
    const { tree } = builtPage(path);
    for (const figure of selectAll('figure.teaching-figure', tree)) {
      const id = String(figure.properties?.['id']);
      const drawings = selectAll('svg.fig-svg', figure);
      if (!drawings.length) continue;
      expect(drawings.map((d) => d.properties?.['className']), id).toEqual([['fig-svg', 'fig-wide']]);
      const phone = selectAll('img.fig-phone', figure);
      expect(phone, id).toHaveLength(1);
      expect(phone[0]?.properties?.['src'], id).toBe(`/figures/phone/${id}.svg`);
      expect(phone[0]?.properties?.['loading'], id).toBe('lazy');
      expect(String(phone[0]?.properties?.['alt']), id).toMatch(/^Figure \d+\. .{40,}/);
    }
  });

  it('no page loads anything from another origin', () => {
    for (const page of builtPages().values()) expect(pageWeight('dist', page.path).external, page.path).toEqual([]);
  });
});
