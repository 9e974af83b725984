/**
 * The site's top-level routes, derived from src/pages and public/ (so a new page needs no list kept
 * by hand) plus what the build itself writes. One list for two readers: the chapter checks (no
 * chapter slug may take a route) and the link check (which pages a chapter may link to).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Route files Astro builds a page or an endpoint from. */
export const ROUTE_FILE = /\.(astro|md|mdx|html|ts|js|mts|mjs)$/;
/** Of those, the ones that are HTML pages (served at /name/); the others are endpoints (/name.ext). */
const PAGE_FILE = /\.(astro|md|mdx|html)$/;

export interface TopLevelRoute {
  /** The route's first URL segment: "about", "factors", "references.bib"; "index" for the home page. */
  name: string;
  /** What makes it, for messages: "the page src/pages/about.astro". */
  madeBy: string;
  /** The address a link may name, when the route is one page or file: "/about/", "/references.bib", "/". */
  path?: string;
}

/** Folders and files the build writes besides the pages. */
export const BUILD_OUTPUTS: readonly TopLevelRoute[] = [
  { name: '_astro', madeBy: 'the folder of the built scripts and styles' },
  { name: 'pagefind', madeBy: 'the search index the build writes' },
  { name: 'pagefind-references', madeBy: 'the references’ search index the build writes' },
  { name: 'anchors.json', madeBy: 'the anchors manifest the build writes', path: '/anchors.json' },
];

/**
 * Every static top-level route: each page, endpoint and folder of `pagesDir` (dynamic routes such
 * as [chapter].astro are the chapters themselves and "_" files are not routes), each file of
 * `publicDir`, and BUILD_OUTPUTS. The 404 page is a route but no link target.
 */
export function topLevelRoutes(pagesDir = 'src/pages', publicDir = 'public'): TopLevelRoute[] {
  const routes: TopLevelRoute[] = [...BUILD_OUTPUTS];
  for (const e of readdirSync(pagesDir, { withFileTypes: true })) {
    if (e.name.startsWith('[') || e.name.startsWith('_')) continue;
    if (e.isDirectory()) {
      const hasIndex = readdirSync(join(pagesDir, e.name)).some((f) => PAGE_FILE.test(f) && f.replace(PAGE_FILE, '') === 'index');
      routes.push({ name: e.name, madeBy: `the pages in ${pagesDir}/${e.name}/`, ...(hasIndex ? { path: `/${e.name}/` } : {}) });
    } else if (ROUTE_FILE.test(e.name)) {
      const name = e.name.replace(ROUTE_FILE, '');
      const path = name === 'index' ? '/' : name === '404' ? undefined : PAGE_FILE.test(e.name) ? `/${name}/` : `/${name}`;
      routes.push({ name, madeBy: `the page ${pagesDir}/${e.name}`, ...(path ? { path } : {}) });
    }
  }
  if (existsSync(publicDir)) {
    for (const name of readdirSync(publicDir)) {
      const isFile = statSync(join(publicDir, name)).isFile();
      routes.push({ name, madeBy: `the file ${join(publicDir, name)}`, ...(isFile ? { path: `/${name}` } : {}) });
    }
  }
  return routes;
}
