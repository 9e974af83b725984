/**
 * remark-stable-heading-ids: gives headings the id their author wrote, so links survive edits.
 *
 * In MDX an author ends a heading with an id in a comment: `## Dormancy {/* #dormancy *\/}`.
 * The plugin removes the comment and sets the id. Headings of the depths in `require` must
 * have one; ids must be unique on the page and must not take a name the layout uses. Any
 * breach stops the build with the file, the line and the fix. The syntax and the rules live in
 * src/lib/chapters/heading-ids.ts, which the chapter model reads too.
 */
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { relativePath } from '../lib/site/paths.ts';
import { headingIdProblems, readHeadingId, type HeadingForRules } from '../lib/chapters/heading-ids.ts';

export interface StableHeadingIdsOptions {
  /** Heading depths that must carry an explicit id. Default: [2, 3]. */
  require?: number[];
  /** Ids the page layout already uses (for example "references"), optionally with who uses each. */
  reserved?: string[] | ReadonlyMap<string, string>;
  /** Id prefixes the page layout generates (for example "bib-"). */
  reservedPrefixes?: string[];
}

export class HeadingIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeadingIdError';
  }
}

export default function remarkStableHeadingIds(options: StableHeadingIdsOptions = {}) {
  return (tree: Root, file: VFile) => {
    const headings: HeadingForRules[] = [];
    visit(tree, 'heading', (heading: Heading) => {
      const reading = readHeadingId(heading);
      headings.push({ depth: heading.depth, line: heading.position?.start.line ?? 0, id: reading.id, title: reading.title, malformed: reading.malformed });
      if (!reading.id) return;
      heading.children = reading.children;
      const tail = heading.children.at(-1);
      if (tail?.type === 'text') tail.value = tail.value.replace(/\s+$/, '');
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: reading.id } };
    });
    const problems = headingIdProblems(headings, { require: options.require, reserved: options.reserved, reservedPrefixes: options.reservedPrefixes }, (line) => `${relativePath(file.path)}:${line || '?'}`);
    if (problems.length) throw new HeadingIdError(problems.join('\n'));
  };
}
