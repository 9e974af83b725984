/**
 * What a chapter may link to: the site's pages, and the section ids of each chapter, read from the
 * chapter sources before anything is built.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTER_LAYOUT_IDS } from './layout-ids.ts';
import { topLevelRoutes } from '../site/routes.ts';
import { HEADING_LINE } from '../bibliography/citation-sites.ts';


export interface LinkTargets {
  pages: Set<string>;
  anchors: Map<string, Set<string>>;
}

export function linkTargets(chaptersDir: string, factorIds: readonly string[]): LinkTargets {
  const anchors = new Map<string, Set<string>>();
  for (const file of readdirSync(chaptersDir).filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(join(chaptersDir, file), 'utf8');
    const headingIds = source.split('\n').flatMap((line) => HEADING_LINE.exec(line)?.[3] ?? []);
    const ids = new Set([...CHAPTER_LAYOUT_IDS, ...headingIds]);
    anchors.set(`/${file.replace(/\.mdx$/, '')}/`, ids);
  }
  const pages = new Set([
    ...topLevelRoutes().flatMap((r) => r.path ?? []),
    ...anchors.keys(),
    ...factorIds.map((id) => `/factors/${id}/`),
  ]);
  return { pages, anchors };
}
