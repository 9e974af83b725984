/**
 * What a chapter may link to: the site's pages, and the section ids of each chapter, read from the
 * chapter sources before anything is built.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const HEADING_ID = /^#{2,3}\s+.*\{\/\*\s*#([a-z0-9-]+)\s*\*\/\}\s*$/gm;
/** Ids every chapter page has from its layout. */
const CHAPTER_LAYOUT_IDS = ['main', 'chapter-title', 'contents', 'references', 'references-title', 'cite-this-page', 'cite-this-page-title'];

export interface LinkTargets {
  pages: Set<string>;
  anchors: Map<string, Set<string>>;
}

export function linkTargets(chaptersDir: string, factorIds: readonly string[]): LinkTargets {
  const anchors = new Map<string, Set<string>>();
  for (const file of readdirSync(chaptersDir).filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(join(chaptersDir, file), 'utf8');
    const ids = new Set([...CHAPTER_LAYOUT_IDS, ...[...source.matchAll(HEADING_ID)].map((m) => m[1] as string)]);
    anchors.set(`/${file.replace(/\.mdx$/, '')}/`, ids);
  }
  const pages = new Set([
    '/',
    '/factors/',
    '/references/',
    '/search/',
    '/references.bib',
    '/references.ris',
    '/references.json',
    '/anchors.json',
    '/sitemap.xml',
    ...anchors.keys(),
    ...factorIds.map((id) => `/factors/${id}/`),
  ]);
  return { pages, anchors };
}
