/**
 * Content collections. `chapters` are the review's sections, one MDX file each in content/chapters/.
 * The schema is the chapter contract: a missing or wrong field stops the build with the file named.
 * Once every chapter is loaded, the checks across chapters run (each its own `order`, no slug that
 * takes a route the site already uses), and any problem stops the build with the file and line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { chapterSchema } from './lib/site/chapter-schema.ts';
import { chapterProblems, reservedRoutes } from './lib/site/chapter-checks.ts';

/** The glob loader, followed by the checks across all chapters. */
function checkedChapters(loader: Loader): Loader {
  return {
    ...loader,
    name: 'checked-chapters',
    load: async (context) => {
      await loader.load(context);
      const chapters = context.store.values().map((entry) => {
        const file = entry.filePath ?? `(chapter ${entry.id})`;
        return { id: entry.id, file, order: Number(entry.data['order']), source: entry.filePath ? readFileSync(resolve(entry.filePath), 'utf8') : '' };
      });
      const problems = chapterProblems(chapters, reservedRoutes());
      if (problems.length) throw new Error(`The chapters do not fit together:\n${problems.join('\n')}`);
    },
  };
}

const chapters = defineCollection({
  loader: checkedChapters(glob({ pattern: '*.mdx', base: process.env['CHAPTERS_DIR'] ?? './content/chapters' })),
  schema: chapterSchema,
});

export const collections = { chapters };
