/**
 * Every chapter opens with one "Key points" box of three to five takeaways, and every citation in it
 * resolves to an entry of that chapter's own reference list.
 */
import { describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { attr, builtPage, CHAPTER_PATHS as CHAPTERS } from '../helpers/dist.ts';

describe('key points open each chapter', () => {
  it.each(CHAPTERS)('%s has exactly one #key-points box, titled "Key points", with 3 to 5 points', (path) => {
    const { tree } = builtPage(path);
    const boxes = selectAll('#key-points', tree);
    expect(boxes, path).toHaveLength(1);
    const box = boxes[0] as Element;
    const title = select(`#${attr(box, 'ariaLabelledBy')}`, tree);
    expect(toString(title ?? box).trim(), `${path}: the box's aria-labelledby names its title`).toBe('Key points');
    const points = selectAll(':scope > ul > li', box);
    expect(points.length, `${path}: number of key points`).toBeGreaterThanOrEqual(3);
    expect(points.length, `${path}: number of key points`).toBeLessThanOrEqual(5);
    for (const li of points) expect(toString(li).trim().length, `${path}: an empty key point`).toBeGreaterThan(20);
  });

  it.each(CHAPTERS)('%s shows its key points before the first section heading, not as a heading of their own', (path) => {
    const { tree } = builtPage(path);
    const prose = select('.prose', tree);
    expect(prose, path).toBeTruthy();
    const first = selectAll('#key-points, h2', prose ?? tree)[0];
    expect(attr(first, 'id'), `${path}: the first of the box and the h2s in the chapter text`).toBe('key-points');
    expect(selectAll('#key-points h2, #key-points h3', tree), path).toEqual([]);
  });

  it.each(CHAPTERS)('%s: every citation in the key points links to an entry of the chapter’s reference list', (path) => {
    const { tree } = builtPage(path);
    const entries = new Set(selectAll('.reference-list > li', tree).map((li) => attr(li, 'id')));
    for (const citation of selectAll('#key-points .citation', tree)) {
      const links = selectAll('a', citation);
      expect(links.length, `${path}: ${toString(citation)} has no link`).toBeGreaterThan(0);
      for (const key of attr(citation, 'dataCites').split(' ')) expect(entries, `${path}: key ${key}`).toContain(`bib-${key}`);
      for (const a of links) expect(entries, `${path}: ${attr(a, 'href')}`).toContain(attr(a, 'href').replace(/^#/, ''));
    }
  });

  it('the chapters that report findings cite them in their key points; the conclusion, like the review’s, cites none', () => {
    for (const path of CHAPTERS) {
      const cited = selectAll('#key-points .citation', builtPage(path).tree).length;
      if (path === '/conclusion/') expect(cited, path).toBe(0);
      else expect(cited, path).toBeGreaterThanOrEqual(3);
    }
  });
});
