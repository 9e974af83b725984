/**
 * The chapters an embed build has already cut into sections, keyed on the chapter's id and content
 * digest: each chapter is rendered and parsed once for all its embed pages, and an edited chapter
 * (a new digest, as in `astro dev`) is cut again.
 */
import type { SplitChapter } from './sections.ts';

export const splitChapters = new Map<string, SplitChapter>();
