/**
 * An editor's own `_headers` rules (public/_headers, HEADERS for tests) merged into the one the
 * build writes (src/lib/site/security.ts), instead of being silently replaced by it. The editor's
 * rules come after the site's; a header the site sets (the Content-Security-Policy and the other
 * security headers, the cache lifetimes) may not be set or removed there, since hosts join or
 * override values from several rules and the policy would no longer be the one the site tests.
 */
import { ContentDataError, type DataIssue } from './yaml-source.ts';

interface HeaderLine {
  line: number;
  col: number;
  name: string;
  detach: boolean;
}

/** The header names a `_headers` text sets or detaches, with their lines; and its syntax mistakes. */
function readHeaders(text: string, file: string): { headers: HeaderLine[]; issues: DataIssue[] } {
  const headers: HeaderLine[] = [];
  const issues: DataIssue[] = [];
  let inRule = false;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!raw.trim().startsWith('/')) {
        issues.push({ file, position: { line, col: 1 }, message: `"${raw.trim()}" is not a path: a rule starts with a path such as /files/*, followed by indented "Name: value" lines.` });
      }
      inRule = true;
      return;
    }
    const col = raw.length - raw.trimStart().length + 1;
    const detach = /^\s+!\s*(\S+)\s*$/.exec(raw);
    const set = /^\s+([A-Za-z0-9-]+)\s*:\s*\S/.exec(raw);
    if (!inRule) issues.push({ file, position: { line, col }, message: 'a header line before any path: start the rule with the path it applies to, e.g. /files/*.' });
    else if (detach) headers.push({ line, col, name: detach[1] as string, detach: true });
    else if (set) headers.push({ line, col, name: set[1] as string, detach: false });
    else issues.push({ file, position: { line, col }, message: `"${raw.trim()}" is not a header: write "Name: value" (or "! Name" to remove one), indented under its path.` });
  });
  return { headers, issues };
}

/** The mistakes of an editor's `_headers` against the one the site generates. */
export function editorHeadersIssues(editor: string, generated: string, file: string): DataIssue[] {
  const site = new Set(readHeaders(generated, 'generated').headers.map((h) => h.name.toLowerCase()));
  const { headers, issues } = readHeaders(editor, file);
  for (const h of headers) {
    if (!site.has(h.name.toLowerCase())) continue;
    issues.push({
      file,
      position: { line: h.line, col: h.col },
      message:
        `${h.detach ? 'removes' : 'sets'} "${h.name}", which the site itself sets in the dist/_headers it writes (src/lib/site/security.ts). ` +
        `Hosts would ${h.detach ? 'drop' : 'join or replace'} the site's value, so the tested policy would not be the one served: remove this line, and change the policy in src/lib/site/security.ts if it must change.`,
    });
  }
  return issues;
}

/**
 * The `_headers` the build writes: the site's own rules, then the editor's, unchanged. Throws when
 * the editor's file has mistakes, naming file, line and column.
 */
export function mergeHeadersFiles(generated: string, editor: string | undefined, file: string): string {
  if (editor === undefined || !editor.trim()) return generated;
  const issues = editorHeadersIssues(editor, generated, file);
  if (issues.length) throw new ContentDataError(issues, 'HeadersFileError');
  return `${generated.replace(/\n*$/, '\n')}\n# The editors' own rules, from ${file}:\n${editor.replace(/\n*$/, '\n')}`;
}
