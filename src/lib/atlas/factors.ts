/**
 * The factor atlas data: every molecule, receptor, microRNA, drug, cell and marker the review names,
 * in content/factors.yaml, checked with zod. Errors name the file, the line, the entry and the fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, isMap, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

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
};

export const RELATION_TYPES = [
  'stimulates',
  'inhibits',
  'produced-by',
  'receptor-of',
  'marker-of',
  'precursor-of',
  'degrades',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** How a relation reads, from the subject's page. */
export const RELATION_LABELS: Record<RelationType, string> = {
  stimulates: 'stimulates',
  inhibits: 'inhibits',
  'produced-by': 'is produced by',
  'receptor-of': 'is a receptor of',
  'marker-of': 'is a marker of',
  'precursor-of': 'is a precursor of',
  degrades: 'breaks down',
};

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is lowercase letters and digits joined by single hyphens, e.g. "il-7"');

export const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: slug,
  cites: z.array(z.string().min(1)).min(1, 'name the citation key(s) of the review that support this relation'),
  /** A few words on the relation, in our own words. */
  note: z.string().min(3).optional(),
});
export type FactorRelation = z.infer<typeof relationSchema>;

export const factorSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  /** The spelled-out name when `name` is an abbreviation. */
  expansion: z.string().min(3).optional(),
  kind: z.enum(FACTOR_KINDS),
  /** Other names and spellings found in the literature and in the chapters. */
  aliases: z.array(z.string().min(1)).default([]),
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
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else if (isMap(node)) node = node.get(part, true) ?? node.items.find((p) => String((p.key as { value?: unknown })?.value) === String(part));
    else break;
  }
  const range = (node as YamlNode | undefined)?.range ?? ((node as { key?: YamlNode })?.key?.range);
  return range ? counter.linePos(range[0]).line : undefined;
}

export interface FactorCheckOptions {
  /** Citation keys of the bibliography; relations must cite only these. */
  knownKeys?: ReadonlySet<string>;
}

/** Parses and checks the factor data. */
export function parseFactors(text: string, file: string, { knownKeys }: FactorCheckOptions = {}): Factor[] {
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
    for (const alias of [f.name, ...f.aliases]) {
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
  return factors;
}

const cache = new Map<string, Factor[]>();
/**
 * Reads and checks the factor data once per process; a file already checked with the same
 * bibliography keys comes from the build cache.
 */
export function loadFactors(path: string, displayName = path, options: FactorCheckOptions = {}): Factor[] {
  let factors = cache.get(path);
  if (!factors) {
    const text = readFileSync(path, 'utf8');
    const keys = options.knownKeys ? [...options.knownKeys].sort() : null;
    factors = cachedSync('factors', cacheKey(displayName, text, keys), () => parseFactors(text, displayName, options));
    cache.set(path, factors);
  }
  return factors;
}
