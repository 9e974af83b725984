/**
 * The factor atlas data: every molecule, receptor, microRNA, drug, cell and marker the review names,
 * in content/factors.yaml, checked with zod. Errors name the file, the line, the entry and the fix.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ContentDataError, readYaml, schemaIssues, type DataIssue, type YamlPath, type YamlSource } from '../site/yaml-source.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';
import { citedSegments, unstatedMessage, unstatedRelations } from './relation-evidence.ts';
import { CANCER_VALUES, EVIDENCE_VALUES } from './evidence.ts';

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
  'attracts',
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

/** One value or a list of values of the vocabulary, read as a list. */
const oneOrMore = <T extends [string, ...string[]]>(values: T, what: string) =>
  z
    .union([z.enum(values), z.array(z.enum(values)).min(1)], { error: `${what}: one of ${values.join(', ')} (or a list of them)` })
    .transform((v) => (Array.isArray(v) ? v : [v]));

export const relationSchema = z
  .strictObject({
    type: z.enum(RELATION_TYPES),
    target: slug,
    /**
     * The signals (atlas ids) through which the source acts on the target, when the review's passage
     * names them: "tumour cells stimulate osteoblasts through PTH, PTHrP...". A figure labels the arrow
     * with them; the relation check requires the passage to name them too.
     */
    via: z.array(slug).min(1).optional(),
    /** The review's citation keys for this relation; none for a gloss. */
    cites: z.array(z.string().min(1)).default([]),
    /**
     * True for background that explains rather than reports: shown as "background, not from the
     * review", with no citation.
     */
    gloss: z.literal(true).optional(),
    /** What the evidence is, from the published vocabulary (src/lib/atlas/evidence.ts, /evidence.json). */
    evidence: oneOrMore(EVIDENCE_VALUES, 'evidence').optional(),
    /** Which cancer the evidence comes from, from the published vocabulary. */
    cancer: oneOrMore(CANCER_VALUES, 'cancer').optional(),
    /** Free text on the evidence, in our words: what the cited study used when the review says otherwise. */
    evidenceNote: z.string().min(3).optional(),
    /** A few words on the relation, in our own words. */
    note: z.string().min(3).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.gloss && r.cites.length) {
      ctx.addIssue({ code: 'custom', path: ['cites'], message: 'a gloss explains and carries no citation: remove "cites", or remove "gloss: true" if the review states it' });
    }
    if (r.gloss && (r.evidence || r.cancer || r.via)) {
      ctx.addIssue({ code: 'custom', path: ['gloss'], message: 'a gloss is background, not evidence: remove "evidence", "cancer" and "via", or remove "gloss: true" and cite the review' });
    }
    if (!r.gloss && !r.cites.length) {
      ctx.addIssue({ code: 'custom', path: ['cites'], message: 'name the citation key(s) of the review that support this relation, or mark it "gloss: true" if it is background the review does not state' });
    }
    if (!r.gloss && !r.evidence) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: `a cited relation needs "evidence": what the evidence is, one of ${EVIDENCE_VALUES.join(', ')} (see /evidence.json)` });
    }
    if (!r.gloss && !r.cancer) {
      ctx.addIssue({ code: 'custom', path: ['cancer'], message: `a cited relation needs "cancer": which cancer the evidence comes from, one of ${CANCER_VALUES.join(', ')} (see /evidence.json)` });
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
  summary: z.string().min(30, 'write a one- or two-sentence summary').max(500, 'keep the summary to one or two sentences, at most 500 characters'),
  relations: z.array(relationSchema).default([]),
});
export type Factor = z.infer<typeof factorSchema>;

/** Mistakes in the factor data, each with file, line and column. */
export class FactorDataError extends ContentDataError {
  constructor(issues: readonly DataIssue[]) {
    super(issues, 'FactorDataError');
  }
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

/**
 * Common English words that must not be link names: as an alias, "bone" would turn every "bone" in
 * the chapters into a link to one factor. Abbreviations written in capitals ("NO" for nitric oxide)
 * match only in capitals, so they are not affected.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'acid', 'and', 'as', 'at', 'blood', 'bone', 'bones', 'cancer', 'cancers', 'cell', 'cells', 'disease', 'drug', 'drugs',
  'enzyme', 'enzymes', 'factor', 'factors', 'gene', 'genes', 'growth', 'hormone', 'hormones', 'immune', 'in', 'is', 'it',
  'lesion', 'lesions', 'level', 'levels', 'lung', 'lungs', 'marker', 'markers', 'matrix', 'metastases', 'metastasis',
  'niche', 'no', 'not', 'of', 'on', 'or', 'oxygen', 'pathway', 'patient', 'patients', 'protein', 'proteins', 'receptor',
  'receptors', 'serum', 'signal', 'signals', 'stem', 'the', 'therapy', 'tissue', 'to', 'treatment', 'tumor', 'tumors',
  'tumour', 'tumours',
]);

/** Whether a link name is a common English word that would match ordinary prose. */
export function isCommonWord(name: string): boolean {
  const abbreviation = /\p{Lu}/u.test(name) && !/\s/.test(name) && name === name.toUpperCase();
  return !abbreviation && COMMON_WORDS.has(name.toLowerCase());
}

/** A citation written into plain text: "[@key]", "[@a; @b]" or a reference number "[12]", "[3, 7]", "[45-47]". */
const CITATION_IN_TEXT = /\[@[^\]]*\]|\[\d+(?:\s*[,;\u2013-]\s*\d+)*\]/;

type NameKind = 'name' | 'expansion' | 'alias' | 'search alias';

/** Every name of a factor with its place in the entry: name, expansion, aliases, search aliases. */
function namesWithPaths(f: Factor): { text: string; kind: NameKind; path: (string | number)[] }[] {
  return [
    { text: f.name, kind: 'name' as const, path: ['name'] },
    ...(f.expansion ? [{ text: f.expansion, kind: 'expansion' as const, path: ['expansion'] }] : []),
    ...f.aliases.map((text, k) => ({ text, kind: 'alias' as const, path: ['aliases', k] })),
    ...(f.searchAliases ?? []).map((text, k) => ({ text, kind: 'search alias' as const, path: ['searchAliases', k] })),
  ];
}

/**
 * The checks of the factor data that need no chapters: ids, one namespace for every name, common
 * words as link names, citations in summaries, relation targets and keys, repeated and
 * contradictory relations. Every mistake is returned, each at its place in the file.
 */
export function factorIssues(
  factors: readonly Factor[],
  source: YamlSource,
  knownKeys?: ReadonlySet<string>,
  /** Ids of entries that did not read (reported apart): relations to them are not reported again. */
  unreadIds: ReadonlySet<string> = new Set(),
): DataIssue[] {
  const issues: DataIssue[] = [];
  const at = (i: number, path: (string | number)[], message: string) => issues.push(source.issue([i, ...path], `factor "${factors[i]?.id}": ${message}`));

  const ids = new Map<string, number>();
  factors.forEach((f, i) => {
    const first = ids.get(f.id);
    if (first !== undefined) at(i, ['id'], `repeats the id of the entry at ${source.at([first, 'id'])}. Ids are URLs: give each factor its own.`);
    else ids.set(f.id, i);
  });

  // One namespace: every name, expansion, alias and search alias leads to one factor.
  const owner = new Map<string, { i: number; kind: NameKind; path: (string | number)[] }>();
  factors.forEach((f, i) => {
    for (const n of namesWithPaths(f)) {
      const key = n.text.toLowerCase();
      const before = owner.get(key);
      if (before && before.i !== i) {
        at(
          i,
          n.path,
          `the ${n.kind} "${n.text}" is also the ${before.kind} of "${factors[before.i]?.id}" at ${source.at([before.i, ...before.path])}. ` +
            'Every name, expansion, alias and search alias must lead to one factor: correct the wrong one, or remove it from one of the two.',
        );
      } else if (!before) owner.set(key, { i, kind: n.kind, path: n.path });
      if (n.kind !== 'search alias' && isCommonWord(n.text)) {
        at(
          i,
          n.path,
          `the ${n.kind} "${n.text}" is a common word: as a link name it would turn every "${n.text}" in the chapters into a link to this factor. ` +
            `Move it to "searchAliases" (searched, never linked), or write a more specific name${f.name.toLowerCase() !== n.text.toLowerCase() ? ` such as "${f.name}"` : ''}.`,
        );
      }
    }
    const cited = CITATION_IN_TEXT.exec(f.summary);
    if (cited) {
      at(
        i,
        ['summary'],
        `the summary contains the citation "${cited[0]}", which a summary never renders as one. ` +
          'Write the summary without citations; the cited statement belongs in a chapter or in a relation\'s "cites".',
      );
    }
  });

  factors.forEach((f, i) => {
    const seen = new Map<string, number>();
    f.relations.forEach((r, j) => {
      const rel = `"${r.type} ${r.target}"`;
      if (!ids.has(r.target) && !unreadIds.has(r.target)) at(i, ['relations', j, 'target'], `relation ${rel} points to "${r.target}", which is not a factor id. Add that factor or fix the id.`);
      if (r.target === f.id) at(i, ['relations', j], `relation ${rel}: a factor cannot relate to itself. Remove the relation.`);
      for (const v of r.via ?? []) {
        if (!ids.has(v) && !unreadIds.has(v)) at(i, ['relations', j, 'via'], `relation ${rel} passes through "${v}", which is not a factor id. Add that factor or fix the id.`);
      }
      for (const key of r.cites) {
        if (knownKeys && !knownKeys.has(key)) {
          at(i, ['relations', j, 'cites'], `relation ${rel} cites "${key}", which is not in the bibliography. Use a key from content/bibliography.bib.`);
        }
      }
      const same = `${r.type} ${r.target} via ${[...(r.via ?? [])].sort().join(",")}`;
      const first = seen.get(same);
      if (first !== undefined) {
        at(i, ['relations', j], `relation ${rel} is listed twice (first at ${source.at([i, 'relations', first])}). Keep one, with all the keys in its "cites".`);
      } else seen.set(same, j);
      if (r.type === 'inhibits') {
        f.relations.forEach((s, k) => {
          if (s.type !== 'stimulates' || s.target !== r.target) return;
          for (const key of r.cites.filter((c) => s.cites.includes(c))) {
            at(
              i,
              ['relations', j],
              `relation ${rel} and "stimulates ${r.target}" at ${source.at([i, 'relations', k])} both cite "${key}": the same source cannot say both. ` +
                'Read the review\'s sentence for that key again and keep only the relation it states.',
            );
          }
        });
      }
    });
  });
  return issues;
}

/** The source with paths that count only some entries: entry n of `indexOf` is entry indexOf[n] of the file. */
function entriesAt(source: YamlSource, indexOf: readonly number[]): YamlSource {
  const map = (p: YamlPath): YamlPath => (typeof p[0] === 'number' ? [indexOf[p[0]] ?? p[0], ...p.slice(1)] : p);
  return {
    ...source,
    position: (p) => source.position(map(p)),
    keyPosition: (p) => source.keyPosition(map(p)),
    at: (p) => source.at(map(p)),
    issue: (p, m) => source.issue(map(p), m),
  };
}

/** Parses and checks the factor data; every mistake found is reported at once, each with file, line and column. */
export function parseFactors(text: string, file: string, { knownKeys, chapters }: FactorCheckOptions = {}): Factor[] {
  const source = readYaml(text, file);
  const data = source.data;
  if (!Array.isArray(data)) {
    throw new FactorDataError([source.issue([], 'the file must be a list of factors, each starting with "- id: ...". See the top of content/factors.yaml.')]);
  }
  // Each entry on its own, so a bad field in one does not hide the mistakes of the others.
  const schemaProblems: DataIssue[] = [];
  const factors: Factor[] = [];
  const entryIndex: number[] = [];
  data.forEach((entry: unknown, i) => {
    const parsed = factorSchema.safeParse(entry);
    if (parsed.success) {
      factors.push(parsed.data);
      entryIndex.push(i);
      return;
    }
    const id = (entry as { id?: unknown } | null)?.id;
    schemaProblems.push(
      ...schemaIssues(
        source,
        parsed.error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })),
        (path, message) => `${typeof id === 'string' ? `factor "${id}", ` : ''}field "${path.slice(1).join('.') || path.join('.')}": ${message}.`,
      ),
    );
  });
  // The other checks run on the entries that read, each still reported at its own place.
  const entries = entriesAt(source, entryIndex);
  const unread = new Set(data.flatMap((e: { id?: unknown } | null, i) => (!entryIndex.includes(i) && typeof e?.id === 'string' ? [e.id] : [])));
  const issues = [...schemaProblems, ...factorIssues(factors, entries, knownKeys, unread)];
  const ids = new Set(factors.map((f) => f.id));
  if (chapters && factors.every((f) => f.relations.every((r) => ids.has(r.target)))) {
    const segments = chapters.flatMap((c) => citedSegments(c.id, c.source));
    const index = new Map(factors.map((f, i) => [f.id, i]));
    for (const u of unstatedRelations(factors, segments)) {
      if (knownKeys && !knownKeys.has(u.key)) continue; // reported above as a key not in the bibliography
      issues.push(entries.issue([index.get(u.factor.id) ?? 0, 'relations', u.relationIndex], unstatedMessage(u, `factor "${u.factor.id}"`)));
    }
  }
  if (issues.length) throw new FactorDataError(issues);
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
    factors = cachedSync('factors', key, () => parseFactors(text, displayName, options));
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
