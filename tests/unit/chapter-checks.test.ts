import { describe, expect, it } from 'vitest';
import { chapterProblems, frontmatterLine, reservedRoutes } from '../../src/lib/site/chapter-checks.ts';

const chapter = (id: string, order: number) => ({
  id,
  file: `content/chapters/${id}.mdx`,
  order,
  source: `---\ntitle: "T"\nshortTitle: "S"\norder: ${order}\n---\n\nText.\n`,
});

describe('checks across chapters', () => {
  const reserved = reservedRoutes();

  it('the reserved routes come from src/pages and public/, not from a hand-kept list', () => {
    for (const route of ['factors', 'references', 'search', '404', 'references.bib', 'sitemap.xml', 'robots.txt', 'pagefind', '_astro', 'favicon.svg']) {
      expect(reserved.has(route), route).toBe(true);
    }
    expect(reserved.get('factors')).toBe('the pages in src/pages/factors/');
    expect(reserved.has('index')).toBe(false);
    expect([...reserved.keys()].some((r) => r.startsWith('['))).toBe(false);
  });

  it('the six chapters of the site pass', () => {
    const six = ['introduction', 'bone-niche', 'osteoclast-factors', 'immune-regulation', 'serum-markers', 'conclusion'].map((id, i) => chapter(id, i + 1));
    expect(chapterProblems(six, reserved)).toEqual([]);
  });

  it('two chapters with the same order are named with the lines of their "order:" and a free number', () => {
    expect(chapterProblems([chapter('a', 2), chapter('b', 2), chapter('c', 1)], reserved)).toEqual([
      'content/chapters/b.mdx:4: "order: 2" is already the order of content/chapters/a.mdx:4. Each chapter needs its own position: give one of them another number (3 is free).',
    ]);
  });

  it('a chapter whose slug takes a route of the site is named with the page that holds the route', () => {
    expect(chapterProblems([chapter('factors', 1), chapter('search', 2)], reserved)).toEqual([
      "content/chapters/factors.mdx: the chapter's URL /factors/ is already taken by the pages in src/pages/factors/, so this chapter would never be shown. Rename the file to a slug of its own (the slug is the URL).",
      "content/chapters/search.mdx: the chapter's URL /search/ is already taken by the page src/pages/search.astro, so this chapter would never be shown. Rename the file to a slug of its own (the slug is the URL).",
    ]);
  });

  it('finds a frontmatter field’s line only inside the frontmatter', () => {
    expect(frontmatterLine('---\na: 1\norder: 3\n---\norder: 9\n', 'order')).toBe(3);
    expect(frontmatterLine('no frontmatter\norder: 3\n', 'order')).toBeUndefined();
  });
});
