/**
 * Checks across all chapters that no single chapter's schema can make: each chapter has its own
 * `order`, and no chapter's slug takes a route the site already uses (a chapter at
 * content/chapters/factors.mdx would never appear, because the atlas holds /factors/). Pure
 * functions; src/content.config.ts runs them when the collection loads, and the build stops.
 */
import { topLevelRoutes } from './routes.ts';

export interface ChapterInfo {
  /** The slug: the file name without .mdx, and the chapter's URL /<slug>/. */
  id: string;
  /** Path of the file, for messages. */
  file: string;
  order: number;
  /** The file's text, to find the line of `order:`. */
  source: string;
}

/**
 * The top-level routes the site already uses, each with what uses it: every page, endpoint and
 * folder of src/pages (derived, so a new page is covered without editing a list), the files of
 * public/, and the folders the build writes (_astro for assets, pagefind for the search index).
 * The list is src/lib/site/routes.ts, which the link check reads too.
 */
export function reservedRoutes(pagesDir = 'src/pages', publicDir = 'public'): Map<string, string> {
  return new Map(topLevelRoutes(pagesDir, publicDir).filter((r) => r.name !== 'index').map((r) => [r.name, r.madeBy]));
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
