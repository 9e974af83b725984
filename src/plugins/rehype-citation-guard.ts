/**
 * rehype-citation-guard: stops the build when a chapter cites a key the bibliography lacks.
 *
 * rehype-citation leaves an unknown key in the page as literal text, silently, and can drop
 * valid keys of the same group with it. This plugin runs just before it, reads every text node
 * with the same citation syntax, and throws with the file, the line, the key and what to do.
 * It records the keys it saw on `file.data.citedKeys` so a later plugin can check that
 * rehype-citation resolved every one of them.
 */
import type { Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { findCitationKeys, lineAndColumn } from '../lib/bibliography/citation-keys.ts';
import { relativePath } from '../lib/site/paths.ts';

export interface CitationGuardOptions {
  /** Every key the bibliography holds. */
  knownKeys: ReadonlySet<string>;
  /** The bibliography file, named in messages. */
  bibliographyFile: string;
  /** Keys that exist but may not be cited in text, with what to do instead (the source review). */
  uncitable?: ReadonlyMap<string, string>;
}

declare module 'vfile' {
  interface DataMap {
    /** Keys cited in the document, in order of first appearance. */
    citedKeys: string[];
  }
}

export class UnknownCitationKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownCitationKeyError';
  }
}

export default function rehypeCitationGuard({ knownKeys, bibliographyFile, uncitable = new Map() }: CitationGuardOptions) {
  return (tree: Root, file: VFile) => {
    const cited: string[] = [];
    const unknown: string[] = [];
    visit(tree, 'text', (node: Text, _index, parent) => {
      if (parent && 'tagName' in parent && (parent.tagName === 'code' || parent.tagName === 'pre')) return;
      for (const match of findCitationKeys(node.value)) {
        const start = node.position?.start;
        const offset = lineAndColumn(node.value, match.index);
        const line = start ? start.line + offset.line - 1 : undefined;
        const where = `${relativePath(file.path)}${line ? `:${line}` : ''}`;
        if (uncitable.has(match.key)) {
          throw new UnknownCitationKeyError(`${where}: "${match.key}" in ${match.group} cannot be cited: ${uncitable.get(match.key)}`);
        }
        if (!knownKeys.has(match.key)) {
          unknown.push(`${where}: unknown citation key "${match.key}" in ${match.group}.`);
        } else if (!cited.includes(match.key)) {
          cited.push(match.key);
        }
      }
    });
    if (unknown.length) {
      throw new UnknownCitationKeyError(
        `${unknown.join('\n')}\nEvery key must be an entry of ${bibliographyFile}: fix the spelling, or add the entry there.`,
      );
    }
    file.data.citedKeys = cited;
  };
}
