/**
 * rehype-section-links: puts a "link to this section" control beside every h2/h3 that has an id.
 *
 * The control sits after the heading, not inside it, so the heading stays a plain heading for
 * assistive technology. Without JavaScript it is a link to the section's anchor (copy it from the
 * context menu); the <section-link> element makes a click copy the absolute URL and say so, and
 * beside each h2 of a chapter adds the teaching tools (embed code, QR code, cite this section).
 *
 * In a chapter (a file chapters/<slug>.mdx), each h2 is also followed by its short address
 * ("…/serum-markers/#il-7"), shown only in print, so a student can type it from a handout.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

export interface SectionLinksOptions {
  /** Heading levels that get a control. Default: h2 and h3. */
  tagNames?: string[];
  /** Ids that must not get one (for example the reference list's heading). */
  skipIds?: string[];
  /** The chapter slug of a source file, or undefined for a file that is not a chapter. */
  chapterOf?: (path: string) => string | undefined;
}

/** Default: a chapter is a file chapters/<slug>.mdx. */
export function chapterOfPath(path: string): string | undefined {
  return /[\\/]chapters[\\/]([\w-]+)\.mdx$/.exec(path)?.[1];
}

export default function rehypeSectionLinks({ tagNames = ['h2', 'h3'], skipIds = [], chapterOf = chapterOfPath }: SectionLinksOptions = {}) {
  const levels = new Set(tagNames);
  const skip = new Set(skipIds);
  return (tree: Root, file?: VFile) => {
    const chapter = file?.path ? chapterOf(file.path) : undefined;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined || !levels.has(node.tagName)) return undefined;
      const id = node.properties?.['id'];
      if (typeof id !== 'string' || skip.has(id)) return SKIP;
      const title = toString(node).trim();
      const wrapper = h('div.heading-wrap', [
        node,
        h('section-link', [
          h('a.section-link', { href: `#${id}`, dataPagefindIgnore: '' }, [
            h('span.visually-hidden', `Link to the section “${title}”`),
            h('span', { ariaHidden: 'true' }, '#'),
          ]),
        ]),
        ...(chapter && node.tagName === 'h2'
          ? [h('p.section-address.print-only', { dataPagefindIgnore: '' }, `…/${chapter}/#${id}`)]
          : []),
      ]);
      parent.children.splice(index, 1, wrapper);
      return [SKIP, index + 1];
    });
  };
}
