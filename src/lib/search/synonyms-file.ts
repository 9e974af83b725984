/**
 * The synonym table's checks (zod, with the file and line in every error) and the site's table,
 * read from content/search-synonyms.yaml (SEARCH_SYNONYMS overrides the path, for tests). Kept
 * apart from synonyms.ts so the search page's script never ships zod, yaml or node:fs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ContentDataError, readYaml, schemaIssues, type DataIssue } from '../site/yaml-source.ts';
import { searchNames, type Factor } from '../atlas/factors.ts';
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

/** Mistakes in the synonym table, each with file, line and column. */
export class SynonymDataError extends ContentDataError {
  constructor(issues: readonly DataIssue[]) {
    super(issues, 'SynonymDataError');
  }
}

/** What the synonym check needs of each atlas factor: its id and every name search knows. */
export type SynonymFactor = Pick<Factor, 'id' | 'name' | 'expansion' | 'aliases'> & { searchAliases?: readonly string[] | undefined };

/**
 * Parses and checks the synonym table; every mistake is reported at once, with file, line and
 * column. With the atlas factors, a "same" group that joins names of two different factors
 * (IL-7 and IL-6) is a mistake: search would then treat one as the other.
 */
export function parseSynonyms(text: string, file: string, factors?: readonly SynonymFactor[]): SynonymTable {
  const source = readYaml(text, file);
  const parsed = tableSchema.safeParse(source.data ?? {});
  if (!parsed.success) {
    throw new SynonymDataError(
      schemaIssues(source, parsed.error.issues, (path, message) => {
        const last = path.at(-1);
        if (parsed.error.issues.some((i) => i.code === 'unrecognized_keys' && i.keys.includes(String(last)))) {
          return `"${last}" is not a part of the synonym table: use same, also (find, add) or spellings.`;
        }
        const said = /received undefined/.test(message) ? 'this field is missing' : message;
        return `${path.length ? `at ${path.join('.')}: ` : ''}${said}. See the comment at the top of the file for the format.`;
      }),
    );
  }
  const table = parsed.data;
  const issues: DataIssue[] = [];
  const owner = new Map<string, number>();
  table.same.forEach((group, i) => {
    group.forEach((term, k) => {
      const key = foldPhrase(term);
      const before = owner.get(key);
      if (before !== undefined && before !== i) {
        issues.push(source.issue(['same', i, k], `"${term}" is already in group ${before + 1} of "same" (${source.at(['same', before])}). Merge the two groups.`));
      }
      owner.set(key, i);
    });
  });
  if (factors) {
    const factorOf = new Map<string, SynonymFactor>();
    for (const f of factors) for (const n of searchNames(f)) if (!factorOf.has(foldPhrase(n))) factorOf.set(foldPhrase(n), f);
    table.same.forEach((group, i) => {
      const named = group.flatMap((term, k) => {
        const f = factorOf.get(foldPhrase(term));
        return f ? [{ term, k, f }] : [];
      });
      const first = named[0];
      const other = named.find((n) => n.f.id !== first?.f.id);
      if (first && other) {
        issues.push(
          source.issue(
            ['same', i, other.k],
            `this group joins "${first.term}" (the factor "${first.f.id}") and "${other.term}" (the factor "${other.f.id}"), so search would treat one as the other. ` +
              'A group holds words for one thing: split it, and give each factor its other names as "aliases" or "searchAliases" in content/factors.yaml.',
          ),
        );
      }
    });
  }
  table.spellings.forEach(([us, uk], i) => {
    if (foldPhrase(us) === foldPhrase(uk)) issues.push(source.issue(['spellings', i], `the spellings "${us}" and "${uk}" are the same. Remove the pair.`));
  });
  if (issues.length) throw new SynonymDataError(issues);
  return table;
}

export function siteSynonyms(file = process.env['SEARCH_SYNONYMS'] || 'content/search-synonyms.yaml', factors?: readonly SynonymFactor[]): SynonymTable {
  return parseSynonyms(readFileSync(resolve(file), 'utf8'), file, factors);
}
