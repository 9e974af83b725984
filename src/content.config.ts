/**
 * Content collections. `chapters` are the review's sections, one MDX file each in content/chapters/.
 * The schema is the chapter contract: a missing or wrong field stops the build with the file named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './lib/site/chapter-schema.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env['CHAPTERS_DIR'] ?? './content/chapters' }),
  schema: chapterSchema,
});

export const collections = { chapters };
