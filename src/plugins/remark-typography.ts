/**
 * remark-typography: prose in every MDX file the build renders is written with typographic marks.
 *
 * The build does not convert quotes and dashes (lib/chapters/typography.ts says why), so a straight
 * quote, "--" or "..." would show as typed. The chapters are checked, with all their other rules,
 * before they load (lib/chapters/chapter-rules.ts); this plugin checks the same in every file the
 * Markdown pipeline renders, such as content/overview.mdx on the home page, and stops the build
 * with the file, the line, the column and the character to write.
 */
import type { Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { relativePath } from '../lib/site/paths.ts';
import { typewriterMarks } from '../lib/chapters/typography.ts';

export class TypewriterMarkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypewriterMarkError';
  }
}

export default function remarkTypography() {
  return (tree: Root, file: VFile) => {
    const found: string[] = [];
    visit(tree, 'text', (node: Text) => {
      const start = node.position?.start;
      for (const m of typewriterMarks(node.value, start?.line ?? 0, start?.column ?? 1)) found.push(`${relativePath(file.path)}:${m.line}:${m.column}: ${m.message}`);
    });
    if (found.length) throw new TypewriterMarkError(found.join('\n'));
  };
}
