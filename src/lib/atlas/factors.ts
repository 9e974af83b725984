/**
 * The factor atlas data: every molecule, receptor, microRNA, drug, cell and marker the review names,
 * in content/factors.yaml, checked with zod. Errors name the file, the line, the entry and the fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDocument, isMap, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { cacheKey, cachedSync } from '../site/build-cache.ts';
import { citedSegments, unstatedMessage, unstatedRelations } from './relation-evidence.ts';

export const FACTOR_KINDS = [
  'cytokine',
  'growth-factor',
  'hormone',
  'receptor',
  'signalling',
  'microrna',
  'drug',
  'chemical',
  'marker',
  'cell',
  'tissue',
  'condition',
] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** Headings for each kind on /factors/. */
export const KIND_LABELS: Record<FactorKind, string> = {
  cytokine: 'Cytokines and chemokines',
  'growth-factor': 'Growth factors',
  hormone: 'Hormones and mediators',
  receptor: 'Receptors',
  signalling: 'Signalling pathways and transcription factors',
  microrna: 'MicroRNAs',
  drug: 'Drugs',
  chemical: 'Ions and reactive molecules',
  marker: 'Serum markers',
  cell: 'Cells',
  tissue: 'Tissues',
  condition: 'Conditions and clinical events',
};

export const RELATION_TYPES = [
  'stimulates',
  'inhibits',
  'produced-by',
  'receptor-of',
  'marker-of',
  'precursor-of',
  'degrades',
  'resists',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lowercase letters and digits joined by single hyphens, e.g. "il-7"');

export const relationSchema = z
  .strictObject({
    type: z.enum(RELATION_TYPES),
    target: slug,
    /** The review's citation keys for this relation; none for a gloss. */
    cites: z.array(z.string().min(1)).default([]),
    /**
     * True for background that explains rather than reports: shown as "background, not from the
     * review", with no citation.
     */
    gloss: z.literal(true).optional(),
    /** Where the evidence comes from, as the review's sentence says: "NSCLC cells", "breast cancer model"... */
    context: z.string().min(3, 'say in a few words where the evidence comes from, e.g. "NSCLC cells"').optional(),
    /** A few words on the relation, in our own words. */
    note: z.string().min(3).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.gloss && r.cites.length) {
      ctx.addIssue({ code: 'custom', path: ['cites'], message: 'a gloss explains and carries no citation: remove "cites", or remove "gloss: true" if the review states it' });
    }
    if (!r.gloss && !r.cites.length) {
      ctx.addIssue({ code: 'custom', path: ['cites'], message: 'name the citation key(s) of the review that support this relation, or mark it "gloss: true" if it is background the review does not state' });
    }
    if (!r.gloss && !r.context) {
      ctx.addIssue({ code: 'custom', path: ['context'], message: 'a cited relation needs a "context": where the evidence comes from, taken from the review\'s sentence (e.g. "NSCLC cells", "breast cancer model", "solid tumours in general")' });
    }
  });
export type FactorRelation = z.infer<typeof relationSchema>;

export const factorSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** The spelled-out name when `name` is an abbreviation. */
  expansion: z.string().min(3).optional(),
  kind: z.enum(FACTOR_KINDS),
  /**
   * Other names of this very factor, found in the literature and the chapters: they may become links
   * in the text, count as mentions in passages, and are searched.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Words a reader may search for to reach this factor that are not its name, such as the condition
   * it responds to ("hypoxia" for HIF-1): searched, never linked, never counted as a mention.
   */
  searchAliases: z.array(z.string().min(1)).optional(),
  /**
   * False for a factor named so often that links would clutter the text (bone metastasis): its names
   * still count as mentions and are searched, but never become links.
   */
  linkInText: z.boolean().optional(),
  /** The plural of the name, when adding "s" (or "cell" -> "cells") is wrong. */
  plural: z.string().min(1).optional(),
  summary: z.string().min(30, 'write a one- or two-sentence summary').max(500, 'keep the summary to one or two sentences'),
  relations: z.array(relationSchema).default([]),
});
export type Factor = z.infer<typeof factorSchema>;

export class FactorDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactorDataError';
  }
}

/** Line of the node at `path` in the YAML document, for messages. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    let next: unknown;
    if (isSeq(node) && typeof part === 'number') next = node.items[part];
    else if (isMap(node)) next = node.get(part, true) ?? node.items.find((p) => String((p.key as { value?: unknown })?.value) === String(part));
    if (next === undefined || next === null) break; // a missing field: point at its parent
    node = next;
  }
  const range = (node as YamlNode | undefined)?.range ?? ((node as { key?: YamlNode })?.key?.range);
  return range ? counter.linePos(range[0]).line : undefined;
}

/** Every name that may become a link in the text and counts as a mention: name, expansion, aliases. */
export function linkNames(f: Pick<Factor, 'name' | 'expansion' | 'aliases'>): string[] {
  return [...new Set([f.name, ...(f.expansion ? [f.expansion] : []), ...f.aliases])];
}

/** Every name search should know: the link names and the search-only aliases. */
export function searchNames(f: Pick<Factor, 'name' | 'expansion' | 'aliases'> & { searchAliases?: readonly string[] }): string[] {
  return [...new Set([...linkNames(f), ...(f.searchAliases ?? [])])];
}

export interface ChapterSourceFile {
  /** The chapter's slug. */
  id: string;
  /** The MDX source, frontmatter included. */
  source: string;
}

export interface FactorCheckOptions {
  /** Citation keys of the bibliography; relations must cite only these. */
  knownKeys?: ReadonlySet<string>;
  /**
   * The chapters: when given, every cited relation must be stated in a passage that cites its key
   * (src/lib/atlas/relation-evidence.ts).
   */
  chapters?: readonly ChapterSourceFile[];
}

/** Parses and checks the factor data. */
export function parseFactors(text: string, file: string, { knownKeys, chapters }: FactorCheckOptions = {}): Factor[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0]?.line;
    throw new FactorDataError(`${file}${line ? `:${line}` : ''}: the YAML does not parse: ${e?.message.split('\n')[0]}. Check the indentation and quoting there.`);
  }
  const data = doc.toJS();
  const parsed = z.array(factorSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []) as (string | number)[];
    const entry = typeof path[0] === 'number' ? (data as { id?: string }[])[path[0]]?.id : undefined;
    const line = lineOf(doc, counter, path);
    throw new FactorDataError(
      `${file}${line ? `:${line}` : ''}: ${entry ? `factor "${entry}", ` : ''}field "${path.slice(1).join('.') || path.join('.')}": ${issue?.message}.`,
    );
  }
  const factors = parsed.data;
  const where = (i: number, ...rest: (string | number)[]) => {
    const line = lineOf(doc, counter, [i, ...rest]);
    return `${file}${line ? `:${line}` : ''}: factor "${factors[i]?.id}"`;
  };

  const ids = new Map<string, number>();
  factors.forEach((f, i) => {
    if (ids.has(f.id)) throw new FactorDataError(`${where(i, 'id')} repeats an id used by entry ${(ids.get(f.id) ?? 0) + 1}. Ids are URLs: one each.`);
    ids.set(f.id, i);
  });
  const aliasOwner = new Map<string, string>();
  factors.forEach((f, i) => {
    for (const alias of [f.name, ...f.aliases, ...(f.searchAliases ?? [])]) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== f.id) throw new FactorDataError(`${where(i, 'aliases')}: the name "${alias}" is also a name of "${owner}". A name must lead to one factor.`);
      aliasOwner.set(key, f.id);
    }
    f.relations.forEach((r, j) => {
      if (!ids.has(r.target)) {
        throw new FactorDataError(`${where(i, 'relations', j, 'target')}: relation "${r.type}" points to "${r.target}", which is not a factor id. Add that factor or fix the id.`);
      }
      if (r.target === f.id) throw new FactorDataError(`${where(i, 'relations', j)}: a factor cannot relate to itself.`);
      for (const key of r.cites) {
        if (knownKeys && !knownKeys.has(key)) {
          throw new FactorDataError(`${where(i, 'relations', j, 'cites')}: relation "${r.type} ${r.target}" cites "${key}", which is not in the bibliography. Use a key from content/bibliography.bib.`);
        }
      }
    });
  });
  if (chapters) {
    const segments = chapters.flatMap((c) => citedSegments(c.id, c.source));
    const unstated = unstatedRelations(factors, segments);
    if (unstated.length) {
      const lines = unstated.map((u) => unstatedMessage(u, where(ids.get(u.factor.id) ?? 0, 'relations', u.relationIndex)));
      throw new FactorDataError(
        `${unstated.length} cited relation${unstated.length === 1 ? ' is' : 's are'} not stated in the chapters with ${unstated.length === 1 ? 'its' : 'their'} key:\n${lines.join('\n')}`,
      );
    }
  }
  return factors;
}

const cache = new Map<string, Factor[]>();
/**
 * Reads and checks the factor data once per process; a file already checked with the same
 * bibliography keys (and chapters) comes from the build cache.
 */
export function loadFactors(path: string, displayName = path, options: FactorCheckOptions = {}): Factor[] {
  const text = readFileSync(path, 'utf8');
  const keys = options.knownKeys ? [...options.knownKeys].sort() : null;
  const key = cacheKey(displayName, text, keys, options.chapters ?? null);
  let factors = cache.get(key);
  if (!factors) {
    factors = cachedSync({ namespace: 'factors', inputs: key, code: ['src/lib/atlas/factors.ts'] }, () => parseFactors(text, displayName, options));
    cache.set(key, factors);
  }
  return factors;
}

/** The chapter sources of a directory of MDX chapters, in file-name order. */
export function readChapterSources(dir: string): ChapterSourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => ({ id: name.replace(/\.mdx$/, ''), source: readFileSync(join(dir, name), 'utf8') }));
}
