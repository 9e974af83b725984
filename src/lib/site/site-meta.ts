/**
 * The site's own description (content/site.json, SITE_META for tests), checked with zod. Errors
 * name the file, the line and column of the field, and the fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ContentDataError, type DataIssue, type SourcePosition } from './yaml-source.ts';

/** Whether "YYYY-MM-DD" is a day of the calendar (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const siteMetaSchema = z.strictObject({
  title: z.string().min(3),
  tagline: z.string().min(10),
  /** Who wrote the site's text: named as the author of its chapters. */
  editors: z.string().min(3),
  /** Publication date of this edition, YYYY-MM-DD. */
  published: z.string().refine(isCalendarDate, 'is not a date of the calendar: write the day of publication as YYYY-MM-DD, a day that exists (2026-02-28, not 2026-02-30)'),
  language: z.string().min(2),
});
export type SiteMeta = z.infer<typeof siteMetaSchema>;

/** Where a top-level field's value starts in the JSON text, or the start of the file. */
function fieldPosition(text: string, field: string): SourcePosition | undefined {
  const m = new RegExp(`"${field}"\\s*:\\s*`).exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index + m[0].length).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

export function parseSiteMeta(text: string, file: string): SiteMeta {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ContentDataError([{ file, message: `not valid JSON (${e instanceof Error ? e.message : e}). Fix the syntax.` }]);
  }
  const parsed = siteMetaSchema.safeParse(data);
  if (!parsed.success) {
    throw new ContentDataError(
      parsed.error.issues.map((i): DataIssue => {
        const field = String(i.code === 'unrecognized_keys' ? i.keys[0] : (i.path[0] ?? ''));
        const value = field === 'published' && typeof (data as { published?: unknown }).published === 'string' ? ` "${(data as { published: string }).published}"` : '';
        return { file, position: field ? fieldPosition(text, field) : undefined, message: `"${field}"${value} ${i.message}.` };
      }),
    );
  }
  return parsed.data;
}

let cached: SiteMeta | undefined;
export function siteMeta(file = process.env['SITE_META'] || 'content/site.json'): SiteMeta {
  cached ??= parseSiteMeta(readFileSync(file, 'utf8'), file);
  return cached;
}
