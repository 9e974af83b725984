/**
 * The site's own description (content/site.json), checked with zod.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const siteMetaSchema = z.strictObject({
  title: z.string().min(3),
  tagline: z.string().min(10),
  /** Who wrote the site's text: named as the author of its chapters. */
  editors: z.string().min(3),
  /** Publication date of this edition, YYYY-MM-DD. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  language: z.string().min(2),
});
export type SiteMeta = z.infer<typeof siteMetaSchema>;

export function parseSiteMeta(text: string, file: string): SiteMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${e instanceof Error ? e.message : e}). Fix the syntax.`);
  }
  const parsed = siteMetaSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `"${i.path.join('.')}" ${i.message}`).join('; ')}.`);
  }
  return parsed.data;
}

let cached: SiteMeta | undefined;
export function siteMeta(file = 'content/site.json'): SiteMeta {
  cached ??= parseSiteMeta(readFileSync(file, 'utf8'), file);
  return cached;
}
