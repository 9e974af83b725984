/**
 * remark-no-script: a chapter may not carry a `<script>` element.
 *
 * The site's Content-Security-Policy allows no inline script, so a script written into a chapter
 * would be copied into the page and then blocked by the browser: it can only ever be a silent
 * mistake. The build stops instead, with the file, the line and what to do. It looks at MDX's
 * JSX elements (`<script>` in the text or on its own line) and at raw HTML, not at code.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { relativePath } from '../lib/site/paths.ts';
import { SCRIPT_MESSAGE } from '../lib/chapters/chapter-rules.ts';

export class ScriptInChapterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptInChapterError';
  }
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  position?: { start: { line: number } };
}

export default function remarkNoScript() {
  return (tree: Root, file: VFile) => {
    const found: number[] = [];
    visit(tree, (node) => {
      const line = node.position?.start.line ?? 0;
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as unknown as JsxNode).name?.toLowerCase() === 'script') found.push(line);
      else if (node.type === 'html' && /<script[\s>/]/i.test((node as { value: string }).value)) found.push(line);
    });
    if (found.length) {
      throw new ScriptInChapterError(
        found
          .map(
            (line) =>
              `${relativePath(file.path)}${line ? `:${line}` : ''}: ${SCRIPT_MESSAGE}`,
          )
          .join('\n'),
      );
    }
  };
}
