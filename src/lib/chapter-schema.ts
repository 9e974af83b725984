import { z } from 'zod';

/** Frontmatter every chapter in content/chapters/*.mdx must have. */
export const chapterSchema = z.strictObject({
  title: z.string().min(3, 'give the chapter a title'),
  shortTitle: z.string().min(2).max(40, 'keep the short title under 40 characters: it labels navigation'),
  order: z.number().int().min(1, 'order is the chapter position, 1 for the first'),
  summary: z.string().min(40, 'write a one-paragraph summary (it is the page description)').max(600),
  covers: z.string().min(10, 'say which part of the source review the chapter covers'),
});
export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
