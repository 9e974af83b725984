/**
 * The synonym table's checks (zod, with the file and line in every error) and the site's table,
 * read from content/search-synonyms.yaml (SEARCH_SYNONYMS overrides the path, for tests). Kept
 * apart from synonyms.ts so the search page's script never ships zod, yaml or node:fs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseDocument, isMap, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { foldPhrase, type SynonymTable } from './synonyms.ts';

const phrase = z.string().trim().min(1, 'write a word or phrase').max(60, 'keep a synonym under 60 characters');

const tableSchema = z
  .object({
    /** Groups of words for the same thing: any one of them widens to all the others. */
    same: z.array(z.array(phrase).min(2, 'a group needs at least two words')).default([]),
    /** One-way: a class or brand name also finds what the text calls it ("Xgeva" finds denosumab). */
    also: z
      .array(z.object({ find: z.array(phrase).min(1, 'list the words a reader types'), add: z.array(phrase).min(1, 'list the words the text uses') }).strict())
      .default([]),
    /** US and UK spellings, as word beginnings: "tumor" and "tumour" also cover "tumors" and "tumours". */
    spellings: z.array(z.tuple([phrase, phrase])).default([]),
  })
  .strict();

export class SynonymDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynonymDataError';
  }
}

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else if (isMap(node)) node = node.get(String(part), true);
    else break;
  }
  const range = (node as YamlNode | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

/** Parses and checks the synonym table. Errors name the file, the line and the fix. */
export function parseSynonyms(text: string, file: string): SynonymTable {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0]?.line ?? (e ? counter.linePos(e.pos[0]).line : undefined);
    throw new SynonymDataError(`${file}${line ? `:${line}` : ''}: the YAML does not parse: ${e?.message.split('\n')[0]}. Check the indentation and quoting there.`);
  }
  const parsed = tableSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = [...(issue?.path ?? []), ...(unknownKey ? [unknownKey] : [])];
    // A missing field has no line of its own: name the line of the entry it is missing from.
    let line: number | undefined;
    for (let n = path.length; n >= 0 && line === undefined; n--) line = lineOf(doc, counter, path.slice(0, n));
    if (unknownKey !== undefined) {
      throw new SynonymDataError(`${file}${line ? `:${line}` : ''}: "${unknownKey}" is not a part of the synonym table: use same, also (find, add) or spellings.`);
    }
    const message = issue?.code === 'invalid_type' && /received undefined/.test(issue.message) ? 'this field is missing' : issue?.message;
    throw new SynonymDataError(`${file}${line ? `:${line}` : ''}: ${path.length ? `at ${path.join('.')}: ` : ''}${message}. See the comment at the top of the file for the format.`);
  }
  const table = parsed.data;
  const owner = new Map<string, number>();
  table.same.forEach((group, i) => {
    for (const term of group) {
      const key = foldPhrase(term);
      const before = owner.get(key);
      if (before !== undefined && before !== i) {
        const line = lineOf(doc, counter, ['same', i]);
        throw new SynonymDataError(`${file}${line ? `:${line}` : ''}: "${term}" is already in group ${before + 1} of "same". Merge the two groups.`);
      }
      owner.set(key, i);
    }
  });
  table.spellings.forEach(([us, uk], i) => {
    if (foldPhrase(us) === foldPhrase(uk)) {
      const line = lineOf(doc, counter, ['spellings', i]);
      throw new SynonymDataError(`${file}${line ? `:${line}` : ''}: the spellings "${us}" and "${uk}" are the same. Remove the pair.`);
    }
  });
  return table;
}

export function siteSynonyms(file = process.env['SEARCH_SYNONYMS'] || 'content/search-synonyms.yaml'): SynonymTable {
  return parseSynonyms(readFileSync(resolve(file), 'utf8'), file);
}
