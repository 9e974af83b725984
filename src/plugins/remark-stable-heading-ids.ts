/**
 * remark-stable-heading-ids: gives headings the id their author wrote, so links survive edits.
 *
 * In MDX an author ends a heading with an id in a comment: `## Dormancy {/* #dormancy *\/}`.
 * The plugin removes the comment and sets the id. Headings of the depths in `require` must
 * have one; ids must be unique on the page and must not take a name the layout uses. Any
 * breach stops the build with the file, the line and the fix.
 */
import type { Heading, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { relativePath } from '../lib/site/paths.ts';

export interface StableHeadingIdsOptions {
  /** Heading depths that must carry an explicit id. Default: [2, 3]. */
  require?: number[];
  /** Ids the page layout already uses (for example "references"). */
  reserved?: string[];
  /** Id prefixes the page layout generates (for example "bib-"). */
  reservedPrefixes?: string[];
}

export const HEADING_ID_COMMENT = /^\s*\/\*\s*#([a-z0-9][a-z0-9-]*)\s*\*\/\s*$/;

export class HeadingIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeadingIdError';
  }
}

interface ExpressionNode {
  type: 'mdxTextExpression';
  value: string;
}

export default function remarkStableHeadingIds(options: StableHeadingIdsOptions = {}) {
  const required = new Set(options.require ?? [2, 3]);
  const reserved = new Set(options.reserved ?? []);
  const prefixes = options.reservedPrefixes ?? [];
  return (tree: Root, file: VFile) => {
    const seen = new Map<string, number>();
    const problems: string[] = [];
    visit(tree, 'heading', (heading: Heading) => {
      const where = `${relativePath(file.path)}:${heading.position?.start.line ?? '?'}`;
      const last = heading.children.at(-1) as unknown as ExpressionNode | Text | undefined;
      const match = last?.type === 'mdxTextExpression' ? HEADING_ID_COMMENT.exec(last.value) : null;
      let id: string | undefined;
      if (match) {
        id = match[1] as string;
        heading.children.pop();
        const tail = heading.children.at(-1);
        if (tail?.type === 'text') tail.value = tail.value.replace(/\s+$/, '');
        heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
      } else if (last?.type === 'mdxTextExpression') {
        problems.push(`${where}: the heading "${toString(heading)}" ends with {${last.value}}, which is not an id comment. Write it as {/* #some-id */} with lowercase letters, digits and hyphens.`);
        return;
      }
      const text = toString(heading);
      if (!id) {
        if (required.has(heading.depth)) {
          problems.push(`${where}: the h${heading.depth} "${text}" has no stable id. End it with {/* #an-id */}; links to it must survive edits to its wording.`);
        }
        return;
      }
      if (reserved.has(id) || prefixes.some((p) => id?.startsWith(p))) {
        problems.push(`${where}: the id "#${id}" of "${text}" is used by the page layout. Choose another id.`);
      } else if (seen.has(id)) {
        problems.push(`${where}: the id "#${id}" of "${text}" is already used by the heading at line ${seen.get(id)}. Ids must be unique on a page.`);
      }
      seen.set(id, heading.position?.start.line ?? 0);
    });
    if (problems.length) throw new HeadingIdError(problems.join('\n'));
  };
}
