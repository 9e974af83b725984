import { z } from 'zod';

const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `missing: add ${what}` : `must be ${what}`) });

/** Frontmatter every chapter in content/chapters/*.mdx must have. */
export const chapterSchema = z.strictObject({
  title: z.string(required('"title", the chapter\'s full title')).min(3),
  shortTitle: z.string(required('"shortTitle", 2-40 characters for navigation')).min(2).max(40),
  order: z.number(required('"order", the chapter\'s position (1 for the first)')).int().min(1),
  summary: z.string(required('"summary", one paragraph that is also the page description')).min(40).max(600),
  covers: z.string(required('"covers", the part of the source review the chapter presents')).min(10),
});
export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
