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

  it.each(CHAPTERS)('%s: an image left out of the first visit (loading="lazy") is one only print shows', (path) => {
    const { tree } = builtPage(path);
    const lazy = selectAll('img[loading="lazy"]', tree);
    expect(lazy.length).toBe(pageWeight('dist', path).lazyImages.length);
    for (const img of lazy) expect(selectAll('.print-only img[loading="lazy"]', tree), String(img.properties?.['src'])).toContain(img);
  });

  it.each(CHAPTERS)('%s: each figure drawing is in the page once; the phone drawing is a file only a narrow screen fetches', (path) => {
    const { tree } = builtPage(path);
    for (const figure of selectAll('figure.teaching-figure', tree)) {
      const drawings = selectAll('svg.fig-svg', figure);
      const phone = selectAll('picture.fig-narrow', figure);
      if (!drawings.length) continue;
      expect(drawings.map((d) => d.properties?.['className']), String(figure.properties?.['id'])).toEqual([['fig-svg', 'fig-wide']]);
      expect(phone, String(figure.properties?.['id'])).toHaveLength(1);
      const [source] = selectAll('source', phone[0]!);
      expect(source?.properties?.['media']).toBe('(max-width: 39.99rem)');
      expect(String(source?.properties?.['srcSet'])).toMatch(/^\/figures\/phone\/fig-[a-z0-9-]+\.svg$/);
      const [img] = selectAll('img', phone[0]!);
      expect(String(img?.properties?.['src'])).toMatch(/^data:image\/gif;base64,/);
      expect(String(img?.properties?.['alt'])).toMatch(/^Figure \d+\. /);
    }
  });

  it('no page loads anything from another origin', () => {
    for (const page of builtPages().values()) expect(pageWeight('dist', page.path).external, page.path).toEqual([]);
  });
});
