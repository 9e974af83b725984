import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topLevelRoutes } from '../../src/lib/site/routes.ts';
import { reservedRoutes } from '../../src/lib/site/chapter-checks.ts';
import { linkTargets } from '../../src/lib/links/link-targets.ts';

describe('one list of the site’s routes', () => {
  it('the pages a chapter may link to are derived from src/pages, public/ and the build’s own files', () => {
    const { pages } = linkTargets('content/chapters', ['pthrp']);
    for (const path of ['/', '/about/', '/factors/', '/references/', '/search/', '/references.bib', '/references.ris', '/references.json', '/anchors.json', '/sitemap.xml', '/robots.txt', '/favicon.svg']) {
      expect(pages.has(path), path).toBe(true);
    }
    expect(pages.has('/introduction/')).toBe(true);
    expect(pages.has('/factors/pthrp/')).toBe(true);
    // The not-found page and folders without an index page (embed/, qr/, figures/) are routes, not pages to link to.
    for (const path of ['/404/', '/404', '/embed/', '/qr/', '/figures/']) expect(pages.has(path), path).toBe(false);
  });

  it('every page a chapter may link to is also a route no chapter slug may take', () => {
    const reserved = reservedRoutes();
    for (const route of topLevelRoutes()) {
      if (route.path && route.path !== '/') expect(reserved.get(route.path.split('/')[1] ?? ''), route.path).toBe(route.madeBy);
    }
  });

  it('a new page in the pages folder becomes a link target and a reserved route, with no list to edit', () => {
    const root = mkdtempSync(join(tmpdir(), 'routes-'));
    try {
      mkdirSync(join(root, 'pages', 'glossary'), { recursive: true });
      mkdirSync(join(root, 'public'));
      writeFileSync(join(root, 'pages', 'index.astro'), '');
      writeFileSync(join(root, 'pages', 'contact.astro'), '');
      writeFileSync(join(root, 'pages', 'feed.xml.ts'), '');
      writeFileSync(join(root, 'pages', '_draft.astro'), '');
      writeFileSync(join(root, 'pages', '[slug].astro'), '');
      writeFileSync(join(root, 'pages', 'glossary', 'index.md'), '');
      writeFileSync(join(root, 'public', 'logo.png'), '');
      const routes = topLevelRoutes(join(root, 'pages'), join(root, 'public'));
      const own = routes.filter((r) => !['_astro', 'pagefind', 'pagefind-references', 'anchors.json'].includes(r.name));
      expect(own.map((r) => [r.name, r.path]).sort()).toEqual([
        ['contact', '/contact/'],
        ['feed.xml', '/feed.xml'],
        ['glossary', '/glossary/'],
        ['index', '/'],
        ['logo.png', '/logo.png'],
      ]);
      expect(reservedRoutes(join(root, 'pages'), join(root, 'public')).get('contact')).toBe(`the page ${join(root, 'pages')}/contact.astro`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
