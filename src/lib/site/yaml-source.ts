/**
 * One reader for the site's YAML data files (factors, figures, redirects, search synonyms): the
 * parsed data, and where in the file each value is, from the `yaml` package's own positions
 * (parseDocument + LineCounter). Checks collect every mistake as an issue with file, line and
 * column, and throw them together, so one build reports all the mistakes of a file at once.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface DataIssue {
  file: string;
  position?: SourcePosition | undefined;
  /** What is wrong and what to do. */
  message: string;
}

/** "file:line:col" (or "file" when the place is unknown): how editors and terminals link to a place. */
export function placeOf(file: string, position?: SourcePosition): string {
  return position ? `${file}:${position.line}:${position.col}` : file;
}

export const formatIssue = (i: DataIssue): string => `${placeOf(i.file, i.position)}: ${i.message}`;

/** One or more mistakes in content data; the message lists them all, one per line. */
export class ContentDataError extends Error {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[], name = 'ContentDataError') {
    super(issues.length <= 1 ? issues.map(formatIssue).join('') : `${issues.map(formatIssue).join('\n')}\n(${issues.length} mistakes in the content data: fix each, then build again.)`);
    this.issues = issues;
    this.name = name;
  }
}

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  file: string;
  /** The data as plain JavaScript. */
  data: unknown;
  /**
   * Where the value at `path` (e.g. [3, "relations", 1, "cites"]) starts. A path that goes past
   * what the file holds (a missing field) points at the deepest part that exists.
   */
  position(path: YamlPath): SourcePosition | undefined;
  /** Where the key of the field at `path` starts (its value's position for list items). */
  keyPosition(path: YamlPath): SourcePosition | undefined;
  /** "file:line:col" of the value at `path`. */
  at(path: YamlPath): string;
  /** An issue at the value at `path`. */
  issue(path: YamlPath, message: string): DataIssue;
}

function nodeAt(doc: Document, path: YamlPath): { node: unknown; key?: unknown } {
  let node: unknown = doc.contents;
  let key: unknown;
  for (const part of path) {
    let next: unknown;
    let nextKey: unknown;
    if (isSeq(node) && typeof part === 'number') next = node.items[part];
    else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(part));
      if (pair) {
        next = pair.value ?? pair.key;
        nextKey = pair.key;
      }
    }
    if (next === undefined || next === null) break;
    node = next;
    key = nextKey;
  }
  return { node, key };
}

const rangeStart = (node: unknown): number | undefined => (node as { range?: [number, number, number] } | undefined)?.range?.[0];

/**
 * Parses YAML text. A syntax error throws at once (the data cannot be read further), naming the
 * line and column where the parser found the first error.
 */
export function readYaml(text: string, file: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const pos = (offset: number | undefined): SourcePosition | undefined => (offset === undefined ? undefined : counter.linePos(offset));
  if (doc.errors.length) {
    // The first error only: the parser's later errors mostly follow from it.
    throw new ContentDataError(
      doc.errors.slice(0, 1).map((e) => ({
        file,
        position: pos(e.pos[0]),
        message: `the YAML does not parse: ${e.message.split('\n')[0]}. Check the indentation, the quoting and the brackets there (a value containing ": " or "#" needs quotes).`,
      })),
      'YamlSyntaxError',
    );
  }
  const position = (path: YamlPath) => pos(rangeStart(nodeAt(doc, path).node));
  const source: YamlSource = {
    file,
    data: doc.toJS(),
    position,
    keyPosition: (path) => {
      const { node, key } = nodeAt(doc, path);
      return pos(rangeStart(key) ?? rangeStart(node));
    },
    at: (path) => placeOf(file, position(path)),
    issue: (path, message) => ({ file, position: position(path), message }),
  };
  return source;
}

/**
 * The text of zod issues as data issues, each at its field: `describe` turns one issue's path and
 * message into the sentence shown (the default names the field).
 */
export function schemaIssues(
  source: YamlSource,
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[],
  describe: (path: YamlPath, message: string) => string = (path, message) => `field "${path.join('.')}": ${message}.`,
): DataIssue[] {
  return issues.map((i) => {
    const unknownKey = i.code === 'unrecognized_keys' ? i.keys?.[0] : undefined;
    const path = [...i.path.map((p) => (typeof p === 'number' ? p : String(p))), ...(unknownKey ? [unknownKey] : [])];
    return { file: source.file, position: unknownKey ? source.keyPosition(path) : source.position(path), message: describe(path, i.message) };
  });
}
