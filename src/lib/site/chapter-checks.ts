/**
 * Checks across all chapters that no single chapter's schema can make: each chapter has its own
 * `order`, and no chapter's slug takes a route the site already uses (a chapter at
 * content/chapters/factors.mdx would never appear, because the atlas holds /factors/); and the
 * chapter rules of src/lib/chapters/ on every file of the folder. src/content.config.ts runs them
 * when the collection loads, and the build stops with every problem listed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSiteEnv } from './site-config.ts';
import { relativePath } from './paths.ts';
import { loadBibliography } from '../bibliography/bibliography.ts';
import { loadFactors } from '../atlas/factors.ts';
import { linkTargets } from '../links/link-targets.ts';
import { loadRedirects, type AnchorsManifest } from '../links/redirects.ts';
import { REVIEW_UNCITABLE, chapterContentProblems, chapterFileProblems, type ChapterRuleContext } from '../chapters/chapter-rules.ts';

export interface ChapterInfo {
  /** The slug: the file name without .mdx, and the chapter's URL /<slug>/. */
  id: string;
  /** Path of the file, for messages. */
  file: string;
  order: number;
  /** The file's text, to find the line of `order:`. */
  source: string;
}

/** Route files Astro builds a page or an endpoint from. */
const ROUTE_FILE = /\.(astro|md|mdx|html|ts|js|mts|mjs)$/;

/**
 * The top-level routes the site already uses, each with what uses it: every page, endpoint and
 * folder of src/pages (derived, so a new page is covered without editing a list), the files of
 * public/, and the folders the build writes (_astro for assets, pagefind for the search index).
 */
export function reservedRoutes(pagesDir = 'src/pages', publicDir = 'public'): Map<string, string> {
  const reserved = new Map<string, string>([
    ['_astro', 'the folder of the built scripts and styles'],
    ['pagefind', 'the search index the build writes'],
  ]);
  for (const e of readdirSync(pagesDir, { withFileTypes: true })) {
    // Dynamic routes ([chapter].astro) are the chapters themselves; "_" files are not routes.
    if (e.name.startsWith('[') || e.name.startsWith('_')) continue;
    if (e.isDirectory()) reserved.set(e.name, `the pages in ${pagesDir}/${e.name}/`);
    else if (ROUTE_FILE.test(e.name)) {
      const route = e.name.replace(ROUTE_FILE, '');
      if (route !== 'index') reserved.set(route, `the page ${pagesDir}/${e.name}`);
    }
  }
  if (existsSync(publicDir)) for (const name of readdirSync(publicDir)) reserved.set(name, `the file ${join(publicDir, name)}`);
  return reserved;
}

/** 1-based line of the frontmatter field `name` in a chapter's text, when found. */
export function frontmatterLine(source: string, name: string): number | undefined {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  for (let i = 1; i < lines.length && lines[i]?.trim() !== '---'; i += 1) {
    if (new RegExp(`^${name}\\s*:`).test(lines[i] ?? '')) return i + 1;
  }
  return undefined;
}

/** Every problem across the chapters, one message each naming the file, the line and the fix. */
export function chapterProblems(chapters: readonly ChapterInfo[], reserved: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const at = (c: ChapterInfo, field: string) => {
    const line = frontmatterLine(c.source, field);
    return `${c.file}${line ? `:${line}` : ''}`;
  };
  const sorted = [...chapters].sort((a, b) => a.file.localeCompare(b.file));
  const byOrder = new Map<number, ChapterInfo>();
  for (const c of sorted) {
    const first = byOrder.get(c.order);
    if (first) {
      const used = new Set(chapters.map((x) => x.order));
      let free = 1;
      while (used.has(free)) free += 1;
      problems.push(
        `${at(c, 'order')}: "order: ${c.order}" is already the order of ${at(first, 'order')}. Each chapter needs its own position: give one of them another number (${free} is free).`,
      );
    } else byOrder.set(c.order, c);
  }
  for (const c of sorted) {
    const owner = reserved.get(c.id);
    if (owner) {
      problems.push(
        `${c.file}: the chapter's URL /${c.id}/ is already taken by ${owner}, so this chapter would never be shown. Rename the file to a slug of its own (the slug is the URL).`,
      );
    }
  }
  return problems;
}

/** Every anchor ever published (the anchor contract); `npm run anchors:publish` adds to it. */
export const PUBLISHED_ANCHORS_FILE = 'content/anchors.published.json';

/**
 * What the chapter rules need to know about the rest of the site: the bibliography's keys, the
 * pages and anchors links may name, the published anchors and the redirects. Read from the files
 * the build uses (the same environment variables).
 */
export function siteChapterContext(env: NodeJS.ProcessEnv = process.env): ChapterRuleContext {
  const { BIBLIOGRAPHY, FACTORS, REDIRECTS, CHAPTERS_DIR } = readSiteEnv(env);
  const bibliography = loadBibliography(resolve(BIBLIOGRAPHY), BIBLIOGRAPHY);
  const knownKeys = new Set(bibliography.entries.keys());
  const factors = loadFactors(resolve(FACTORS), FACTORS, { knownKeys });
  const targets = linkTargets(resolve(CHAPTERS_DIR), factors.map((f) => f.id), knownKeys);
  return {
    knownKeys,
    uncitable: new Map([[bibliography.review.key, REVIEW_UNCITABLE]]),
    bibliographyFile: BIBLIOGRAPHY,
    targets: { pages: targets.pages, anchorsOf: (path) => targets.anchors.get(path), bibliographyFile: BIBLIOGRAPHY },
    published: existsSync(PUBLISHED_ANCHORS_FILE) ? (JSON.parse(readFileSync(PUBLISHED_ANCHORS_FILE, 'utf8')) as AnchorsManifest) : undefined,
    publishedFile: PUBLISHED_ANCHORS_FILE,
    redirects: loadRedirects(resolve(REDIRECTS), REDIRECTS),
    redirectsFile: REDIRECTS,
    notChapterSlugs: new Set(reservedRoutes().keys()),
  };
}

/**
 * Every problem of the chapters folder and of each chapter's content, in file order: files that
 * are not chapters, slugs that clash, and what each chapter may not contain (src/lib/chapters/).
 */
export function chapterFolderProblems(dir: string, context: ChapterRuleContext): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
  const shown = relativePath(resolve(dir));
  const problems = chapterFileProblems(shown, entries);
  for (const e of entries.filter((x) => !x.isDirectory && x.name.endsWith('.mdx')).sort((a, b) => a.name.localeCompare(b.name))) {
    const source = readFileSync(join(dir, e.name), 'utf8');
    problems.push(...chapterContentProblems(`${shown}/${e.name}`, e.name.slice(0, -'.mdx'.length), source, context));
  }
  return problems;
}
