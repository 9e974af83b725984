import { relative } from 'node:path';

/** A path as a reader of an error message wants it: relative to the project, with "/" separators. */
export function relativePath(path: string | undefined, root: string = process.cwd()): string {
  if (!path) return '(unknown file)';
  const rel = relative(root, path);
  return (rel.startsWith('..') ? path : rel).split('\\').join('/');
}
