/**
 * What a chapter may link to: the site's pages, the ids of each chapter (read from the chapter
 * model before anything is built), and, when the bibliography's keys are given, the entries of
 * /references/ (each entry's id is its key).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTER_LAYOUT_IDS } from './layout-ids.ts';
import { chapterModel } from '../chapters/chapter-model.ts';

export interface LinkTargets {
  pages: Set<string>;
  anchors: Map<string, Set<string>>;
}

/** Ids of /references/ besides its entries: the review, its list, the missing numbers, the identification levels. */
export const REFERENCES_PAGE_IDS = ['the-review', 'its-references', 'missing-references', 'identification'];

/** The ids a chapter page has from its own text, with the ids the chapter layout adds. */
export function chapterAnchors(source: string): Set<string> {
  return new Set([...CHAPTER_LAYOUT_IDS, ...chapterModel(source).ids.keys()]);
}

export function linkTargets(chaptersDir: string, factorIds: readonly string[], referenceKeys?: Iterable<string>): LinkTargets {
  const anchors = new Map<string, Set<string>>();
  for (const file of readdirSync(chaptersDir).filter((f) => f.endsWith('.mdx'))) {
    anchors.set(`/${file.replace(/\.mdx$/, '')}/`, chapterAnchors(readFileSync(join(chaptersDir, file), 'utf8')));
  }
  if (referenceKeys) anchors.set('/references/', new Set([...REFERENCES_PAGE_IDS, ...referenceKeys]));
  const pages = new Set([
    '/',
    '/factors/',
    '/references/',
    '/search/',
    '/about/',
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
