/**
 * A chapter's passages: each paragraph, list item and table row as plain text, with the section it
 * sits in. Read from the chapter model (src/lib/chapters/chapter-model.ts), so factor pages list
 * passages without a build of the chapter, and tests can recompute them independently.
 */
import { chapterModel, withoutCitations, type ChapterBlock } from '../chapters/chapter-model.ts';

export { withoutCitations };

export interface Passage {
  sectionId: string;
  sectionTitle: string;
  /** Position of the passage in the chapter, from 0. */
  index: number;
  text: string;
}

/** A chapter's blocks (paragraphs, list items, table rows) with their citation groups still in. */
export type RawBlock = ChapterBlock;

export function chapterBlocks(source: string): RawBlock[] {
  return chapterModel(source).blocks;
}

export function chapterPassages(source: string): Passage[] {
  const passages: Passage[] = [];
  for (const block of chapterBlocks(source)) {
    const text = withoutCitations(block.raw);
    if (text) passages.push({ sectionId: block.sectionId, sectionTitle: block.sectionTitle, index: passages.length, text });
  }
  return passages;
}
