/**
 * A chapter's passages: each paragraph, list item and table row as plain text, with the section it
 * sits in. Read from the MDX source with remark, so factor pages list passages without a build of
 * the chapter, and tests can recompute them independently.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent } from 'mdast';
import { HEADING_ID_COMMENT } from '../../plugins/remark-stable-heading-ids.ts';

export interface Passage {
  sectionId: string;
  sectionTitle: string;
  /** Position of the passage in the chapter, from 0. */
  index: number;
  text: string;
}

/** Citation groups such as "[@a; @b]" are not words of the passage. */
export function withoutCitations(text: string): string {
  return text.replace(/\s*\[[^\]]*@[^\]]*\]/g, '').replace(/\s+([.,;:])/g, '$1').replace(/\s+/g, ' ').trim();
}

function headingId(h: Heading): { id: string; title: string } {
  const last = h.children.at(-1) as { type: string; value?: string } | undefined;
  const m = last?.type === 'mdxTextExpression' ? HEADING_ID_COMMENT.exec(last.value ?? '') : null;
  const title = toString({ ...h, children: m ? h.children.slice(0, -1) : h.children } as Heading).trim();
  return { id: m?.[1] ?? '', title };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** A chapter's blocks (paragraphs, list items, table rows) with their citation groups still in. */
export interface RawBlock {
  sectionId: string;
  sectionTitle: string;
  raw: string;
}

export function chapterBlocks(source: string): RawBlock[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = parser.parse(body) as Root;
  const blocks: RawBlock[] = [];
  let section = { id: '', title: '' };
  const push = (node: RootContent) => {
    const raw = node.type === 'tableRow' ? node.children.map((cell) => toString(cell)).join(' · ') : toString(node);
    blocks.push({ sectionId: section.id, sectionTitle: section.title, raw });
  };
  for (const node of tree.children) {
    if (node.type === 'heading') section = headingId(node);
    else if (node.type === 'paragraph') push(node);
    else if (node.type === 'list') for (const item of node.children) push(item);
    else if (node.type === 'table') for (const row of node.children.slice(1)) push(row);
  }
  return blocks;
}

export function chapterPassages(source: string): Passage[] {
  const passages: Passage[] = [];
  for (const block of chapterBlocks(source)) {
    const text = withoutCitations(block.raw);
    if (text) passages.push({ sectionId: block.sectionId, sectionTitle: block.sectionTitle, index: passages.length, text });
  }
  return passages;
}
