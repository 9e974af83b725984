/**
 * Content collections. `chapters` are the review's sections, one MDX file each in content/chapters/.
 * The schema is the chapter contract: a missing or wrong field stops the build with the file named.
 * Before the chapters load, the chapter rules run on every file of the folder (src/lib/chapters/:
 * the allowlist of what a chapter may contain, links, citations, published anchors, files that are
 * not chapters); once every chapter is loaded, the checks across chapters run (each its own
 * `order`, no slug that takes a route the site already uses). Every problem found is listed in one
 * error, each with the file, the line and the fix, and the build stops.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { chapterSchema } from './lib/site/chapter-schema.ts';
import { chapterFolderProblems, chapterProblems, reservedRoutes, siteChapterContext } from './lib/site/chapter-checks.ts';

const CHAPTERS_DIR = process.env['CHAPTERS_DIR'] ?? './content/chapters';

/** One message listing every problem, each on its own line with file, line and fix. */
function describe(problems: readonly string[]): string {
  return `The chapters have ${problems.length} problem${problems.length === 1 ? '' : 's'} (each names the file, the line and what to do):\n${problems.join('\n')}`;
}

/** The glob loader, followed by the checks across all chapters. */
function checkedChapters(loader: Loader): Loader {
  return {
    ...loader,
    name: 'checked-chapters',
    load: async (context) => {
      // The chapter rules (src/lib/chapters/) on every file of the folder: what a chapter may
      // contain, its links, citations and published anchors, and files that are not chapters.
      const folderProblems = chapterFolderProblems(CHAPTERS_DIR, siteChapterContext());
      try {
        await loader.load(context);
      } catch (error) {
        if (folderProblems.length) context.logger.error(describe(folderProblems));
        throw error;
      }
      const chapters = context.store.values().map((entry) => {
        const file = entry.filePath ?? `(chapter ${entry.id})`;
        return { id: entry.id, file, order: Number(entry.data['order']), source: entry.filePath ? readFileSync(resolve(entry.filePath), 'utf8') : '' };
      });
      const problems = [...chapterProblems(chapters, reservedRoutes()), ...folderProblems];
      if (problems.length) throw new Error(describe(problems));
    },
  };
}

const chapters = defineCollection({
  loader: checkedChapters(glob({ pattern: '*.mdx', base: CHAPTERS_DIR })),
  schema: chapterSchema,
});

export const collections = { chapters };
