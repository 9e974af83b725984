/**
 * The height each section's embed code asks for: the embed page's height measured in Chromium in a
 * 640 px wide frame (its citation box closed), stored in embed-heights.json by
 * `npm run embed:heights` after a build. A browser test measures again and fails when a stored
 * height is missing or more than EMBED_HEIGHT_TOLERANCE off, naming the sections to re-measure.
 */

/** The frame width the heights are measured at, in CSS px. */
export const EMBED_MEASURE_WIDTH = 640;
/** How far a stored height may drift from a fresh measurement before the test asks for a new one. */
export const EMBED_HEIGHT_TOLERANCE = 0.15;
/** No embed code asks for less than this, nor more than the maximum (a longer section scrolls in its frame). */
export const EMBED_MIN_HEIGHT = 400;
export const EMBED_MAX_HEIGHT = 2400;

export type EmbedHeights = Record<string, number>;

/** "osteoclast-factors/pthrp-micrornas": the key of a section in the stored heights. */
export const embedKey = (chapter: string, section: string): string => `${chapter}/${section}`;

/** A measured page height as the embed code's height: a little room to spare, rounded up to 10 px, within the bounds. */
export function frameHeight(measured: number): number {
  if (!Number.isFinite(measured) || measured <= 0) throw new Error(`An embed page measured ${measured} px high: measure again after a build.`);
  return Math.min(EMBED_MAX_HEIGHT, Math.max(EMBED_MIN_HEIGHT, Math.ceil((measured + 16) / 10) * 10));
}

/**
 * The stored heights of one chapter's sections, by section id. A section without one is named in
 * `missing` (the build says so; the browser test fails) and gets no entry: its embed code then
 * says height="600", as before heights were measured.
 */
export function chapterEmbedHeights(heights: EmbedHeights, chapter: string, sectionIds: readonly string[]): { heights: Record<string, number>; missing: string[] } {
  const out: Record<string, number> = {};
  const missing: string[] = [];
  for (const id of sectionIds) {
    const h = heights[embedKey(chapter, id)];
    if (typeof h === 'number') out[id] = h;
    else missing.push(embedKey(chapter, id));
  }
  return { heights: out, missing };
}
