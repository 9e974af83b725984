/**
 * The built site, read once per test file: every HTML page of dist/ parsed to hast.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';

export const DIST = 'dist';

/** The chapters' published URLs, in reading order (a public contract). */
export const CHAPTER_SLUGS = ['introduction', 'bone-niche', 'osteoclast-factors', 'immune-regulation', 'serum-markers', 'conclusion'];
export const CHAPTER_PATHS = CHAPTER_SLUGS.map((slug) => `/${slug}/`);

/** An attribute of a hast element as a string ('' when absent). */
export function attr(el: { properties?: Record<string, unknown> } | undefined, name: string): string {
  return String(el?.properties?.[name] ?? '');
}

export interface BuiltPage {
  /** Site path such as "/introduction/". */
  path: string;
  file: string;
  html: string;
  tree: Root;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

let pages: Map<string, BuiltPage> | undefined;

/** All pages, keyed by site path. */
export function builtPages(): Map<string, BuiltPage> {
  if (!pages) {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is empty: run "npm run build" first.');
    pages = new Map();
    for (const file of walk(DIST)) {
      const rel = relative(DIST, file).split('\\').join('/');
      const path = `/${rel.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
      const html = readFileSync(file, 'utf8');
      pages.set(path, { path, file, html, tree: fromHtml(html) });
    }
  }
  return pages;
}

export function builtPage(path: string): BuiltPage {
  const page = builtPages().get(path);
  if (!page) throw new Error(`dist/ has no page at ${path}; pages: ${[...builtPages().keys()].join(', ')}`);
  return page;
}
