/**
 * The heading-id syntax of chapters, in one place: an author ends an h2 or h3 with an id in an MDX
 * comment, `## Dormancy {/* #dormancy *\/}` (spaces inside the braces are allowed:
 * `{ /* #dormancy *\/ }`). The chapter model and the remark plugin that sets the ids both read it
 * from here, and both report a missing, repeated or reserved id with the same message.
 */
import type { Heading, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The value of the MDX expression that carries a heading's id (what is inside the braces). */
export const HEADING_ID_COMMENT = /^\s*\/\*\s*#([a-z0-9][a-z0-9-]*)\s*\*\/\s*$/;

export interface HeadingIdReading {
  /** The id the author wrote, when the heading ends with a well-formed id comment. */
  id?: string;
  /** The heading's text without the id comment. */
  title: string;
  /** The value of a trailing expression that is not an id comment (a mistake to report). */
  malformed?: string;
  /** The children of the heading without the id comment. */
  children: PhrasingContent[];
}

interface ExpressionNode {
  type: 'mdxTextExpression';
  value: string;
}

/** Reads a heading's id comment without changing the heading. */
export function readHeadingId(heading: Heading): HeadingIdReading {
  const last = heading.children.at(-1) as unknown as ExpressionNode | PhrasingContent | undefined;
  if (last?.type !== 'mdxTextExpression') return { title: toString(heading).trim(), children: heading.children };
  const value = (last as ExpressionNode).value;
  const match = HEADING_ID_COMMENT.exec(value);
  if (!match) return { title: toString(heading).trim(), malformed: value, children: heading.children };
  const children = heading.children.slice(0, -1);
  return { id: match[1] as string, title: toString({ ...heading, children } as Heading).trim(), children };
}

export interface HeadingIdRules {
  /** Heading depths that must carry an explicit id. Default: [2, 3]. */
  require?: readonly number[];
  /** Ids the page already uses (for example "references"), each with who uses it when known. */
  reserved?: Iterable<string> | ReadonlyMap<string, string>;
  /** Id prefixes the page generates (for example "bib-"). */
  reservedPrefixes?: readonly string[];
}

/** A heading as the id rules see it. */
export interface HeadingForRules {
  depth: number;
  line: number;
  id?: string;
  title: string;
  malformed?: string;
}

/**
 * Every breach of the id rules, in document order, each naming `where(line)` (file and line), the
 * heading and the fix.
 */
export function headingIdProblems(headings: readonly HeadingForRules[], rules: HeadingIdRules, where: (line: number) => string): string[] {
  return headingIdIssues(headings, rules).map((i) => `${where(i.line)}: ${i.message}`);
}

/** The same breaches, each with its line and the message after "file:line: ". */
export function headingIdIssues(headings: readonly HeadingForRules[], rules: HeadingIdRules): { line: number; message: string }[] {
  const required = new Set(rules.require ?? [2, 3]);
  const reserved = rules.reserved instanceof Map ? (rules.reserved as ReadonlyMap<string, string>) : new Map([...((rules.reserved as Iterable<string> | undefined) ?? [])].map((id) => [id, '']));
  const prefixes = rules.reservedPrefixes ?? [];
  const seen = new Map<string, number>();
  const problems: { line: number; message: string }[] = [];
  for (const h of headings) {
    const add = (message: string) => problems.push({ line: h.line, message });
    if (h.malformed !== undefined) {
      add(`the heading "${h.title}" ends with {${h.malformed}}, which is not an id comment. Write it as {/* #some-id */} with lowercase letters, digits and hyphens.`);
      continue;
    }
    if (!h.id) {
      if (required.has(h.depth)) add(`the h${h.depth} "${h.title}" has no stable id. End it with {/* #an-id */}; links to it must survive edits to its wording.`);
      continue;
    }
    const id = h.id;
    if (reserved.has(id) || prefixes.some((p) => id.startsWith(p))) {
      const owner = reserved.get(id);
      add(`the id "#${id}" of "${h.title}" is used by the page layout${owner ? ` (${owner})` : ''}. Choose another id.`);
    } else if (seen.has(id)) {
      add(`the id "#${id}" of "${h.title}" is already used by the heading at line ${seen.get(id)}. Ids must be unique on a page.`);
    }
    seen.set(id, h.line);
  }
  return problems;
}
