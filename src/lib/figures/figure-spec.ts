/**
 * The teaching figures: content/figures.yaml, checked with zod. Which chapter shows each figure,
 * its number and caption, which atlas nodes it draws and where (curated positions for a wide and a
 * narrow layout), and the steps of a step-through. Errors name the file, the line and the fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

const point = z.tuple([z.number(), z.number()]);
const pair = z.string().regex(/^[a-z0-9-]+>[a-z0-9-]+$/, 'a pair is "source-id>target-id"');

const layoutSchema = z.strictObject({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  labelWrap: z.number().int().positive().default(150),
  at: z.record(z.string(), point),
  /** Widest line of a node's name, in px, before it wraps. */
  wrap: z.record(z.string(), z.number()).default({}),
  labelAt: z.record(pair, point).default({}),
  via: z.record(pair, z.array(point)).default({}),
  /** "steps": edges that belong to a step carry the step's number instead of their signals (the list below names them). */
  labels: z.enum(['signals', 'steps']).default('signals'),
});
export type FigureLayout = z.infer<typeof layoutSchema>;

const stepSchema = z.strictObject({
  pairs: z.array(pair).min(1),
  /** One sentence, in our words, of what the review says about this step. */
  text: z.string().min(20),
  cites: z.array(z.string()).min(1, 'a step states what the review says: give its citation key(s)'),
});
export type FigureStep = z.infer<typeof stepSchema>;

const common = {
  id: z.string().regex(/^fig-[a-z0-9-]+$/, 'a figure id starts with "fig-" and is lowercase, e.g. "fig-vicious-cycle"'),
  number: z.number().int().positive(),
  /** The chapter whose text the figure illustrates (it also appears on listed pages). */
  chapter: z.string(),
  title: z.string().min(5),
  caption: z.string().min(20),
  description: z.string().min(20),
};

const graphSchema = z.strictObject({
  ...common,
  kind: z.literal('graph'),
  nodes: z.array(z.string()).min(2),
  /** Pairs drawn; other pairs between the nodes are listed under the figure as not drawn. */
  pairs: z.array(pair).optional(),
  groups: z.record(z.string(), z.strictObject({ label: z.string(), nodes: z.array(z.string()) })).default({}),
  /** Display names for nodes, when the atlas name is too long for a box. */
  names: z.record(z.string(), z.string()).default({}),
  wide: layoutSchema,
  narrow: layoutSchema,
  steps: z.array(stepSchema).default([]),
});

const tableSchema = z.strictObject({
  ...common,
  kind: z.literal('table'),
  rows: z.array(
    z.strictObject({
      factor: z.string(),
      /** Background for students, uncited: what the marker measures. */
      reflects: z.string().min(10),
      measured: z.string().min(3),
      reports: z.string().min(10),
      cites: z.array(z.string()).min(1),
    }),
  ),
});

export const figureSchema = z.discriminatedUnion('kind', [graphSchema, tableSchema]);
export type FigureSpec = z.infer<typeof figureSchema>;
export type GraphFigureSpec = z.infer<typeof graphSchema>;
export type TableFigureSpec = z.infer<typeof tableSchema>;

export class FigureDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FigureDataError';
  }
}

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  for (const part of path) {
    if (isSeq(node) && typeof part === 'number') node = node.items[part];
    else if (isMap(node)) node = node.get(part, true) ?? node;
    else break;
  }
  const range = (node as YamlNode | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

export interface FigureCheck {
  factorIds: ReadonlySet<string>;
  citationKeys: ReadonlySet<string>;
  chapterIds: ReadonlySet<string>;
}

/** Parses and checks the figure data against the atlas, the bibliography and the chapters. */
export function parseFigures(text: string, file: string, check: FigureCheck): FigureSpec[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const line = doc.errors[0]?.linePos?.[0]?.line;
    throw new FigureDataError(`${file}${line ? `:${line}` : ''}: the YAML does not parse: ${doc.errors[0]?.message.split('\n')[0]}.`);
  }
  const data = doc.toJS();
  const parsed = z.array(figureSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []) as (string | number)[];
    const line = lineOf(doc, counter, path);
    throw new FigureDataError(`${file}${line ? `:${line}` : ''}: field "${path.join('.')}": ${issue?.message}.`);
  }
  const figures = parsed.data;
  const where = (i: number, ...path: (string | number)[]) => {
    const line = lineOf(doc, counter, [i, ...path]);
    return `${file}${line ? `:${line}` : ''}: figure "${figures[i]?.id}"`;
  };
  const ids = new Set<string>();
  const numbers = new Set<number>();
  figures.forEach((f, i) => {
    if (ids.has(f.id)) throw new FigureDataError(`${where(i, 'id')} repeats an id. Figure ids are anchors: one each.`);
    if (numbers.has(f.number)) throw new FigureDataError(`${where(i, 'number')} repeats figure number ${f.number}.`);
    ids.add(f.id);
    numbers.add(f.number);
    if (!check.chapterIds.has(f.chapter)) throw new FigureDataError(`${where(i, 'chapter')} names chapter "${f.chapter}", which does not exist.`);
    const factor = (id: string, ...path: (string | number)[]) => {
      if (!check.factorIds.has(id)) throw new FigureDataError(`${where(i, ...path)} names "${id}", which is not a factor id in content/factors.yaml.`);
    };
    const cites = (keys: string[], ...path: (string | number)[]) => {
      for (const k of keys) if (!check.citationKeys.has(k)) throw new FigureDataError(`${where(i, ...path)} cites "${k}", which is not in the bibliography.`);
    };
    if (f.kind === 'table') {
      f.rows.forEach((r, j) => {
        factor(r.factor, 'rows', j, 'factor');
        cites(r.cites, 'rows', j, 'cites');
      });
      return;
    }
    f.nodes.forEach((n, j) => factor(n, 'nodes', j));
    const nodes = new Set(f.nodes);
    const pairOk = (p: string, ...path: (string | number)[]) => {
      for (const end of p.split('>')) if (!nodes.has(end)) throw new FigureDataError(`${where(i, ...path)}: pair "${p}" names "${end}", which is not one of the figure's nodes.`);
    };
    (f.pairs ?? []).forEach((p, j) => pairOk(p, 'pairs', j));
    for (const name of ['wide', 'narrow'] as const) {
      for (const n of f.nodes) if (!f[name].at[n]) throw new FigureDataError(`${where(i, name, 'at')}: node "${n}" has no position in the ${name} layout. Add "${n}: [x, y]".`);
    }
    f.steps.forEach((s, j) => {
      s.pairs.forEach((p) => pairOk(p, 'steps', j, 'pairs'));
      cites(s.cites, 'steps', j, 'cites');
    });
  });
  return figures;
}

export function loadFigures(path: string, displayName: string, check: FigureCheck): FigureSpec[] {
  return parseFigures(readFileSync(path, 'utf8'), displayName, check);
}
