/**
 * The teaching figures: content/figures.yaml, checked with zod. Which chapter shows each figure,
 * its number and caption, which atlas nodes it draws and where (curated positions for a wide and a
 * narrow layout), and the steps of a step-through. Errors name the file, the line and the fix.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ContentDataError, readYaml, schemaIssues, type DataIssue } from '../site/yaml-source.ts';
import { nodeRect } from './layout.ts';
import { rectsOverlap } from './geometry.ts';

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

/** Mistakes in the figure data, each with file, line and column. */
export class FigureDataError extends ContentDataError {
  constructor(issues: readonly DataIssue[]) {
    super(issues, 'FigureDataError');
  }
}

export interface FigureCheck {
  factorIds: ReadonlySet<string>;
  citationKeys: ReadonlySet<string>;
  /** The chapters' ids; without them, a figure's chapter is not checked. */
  chapterIds?: ReadonlySet<string>;
  /**
   * Each factor's name, as a node box shows it unless the figure renames it: with it, the boxes are
   * sized and the geometry of both layouts is checked (no overlapping boxes, nothing outside the canvas).
   */
  factorNames?: ReadonlyMap<string, string>;
}

/**
 * Boxes that overlap or leave the canvas, in one layout of a graph figure: boxes are sized as the
 * drawing sizes them (src/lib/figures/layout.ts), from each node's label and wrap width.
 */
export function layoutGeometryIssues(
  nodes: readonly string[],
  layout: Pick<FigureLayout, 'width' | 'height' | 'at' | 'wrap'>,
  labelOf: (id: string) => string,
): { node: string; message: string }[] {
  const boxes = nodes.flatMap((id) => {
    const at = layout.at[id];
    if (!at) return [];
    const wrap = layout.wrap[id];
    return [{ id, at, rect: nodeRect({ id, label: labelOf(id), x: at[0], y: at[1], ...(wrap ? { wrap } : {}) }).rect }];
  });
  const issues: { node: string; message: string }[] = [];
  for (const b of boxes) {
    const { x, y, width, height } = b.rect;
    if (x < 0 || y < 0 || x + width > layout.width || y + height > layout.height) {
      issues.push({
        node: b.id,
        message:
          `node "${b.id}" at [${b.at.join(', ')}] has a box of ${Math.round(width)} × ${Math.round(height)} px that reaches outside the ${layout.width} × ${layout.height} canvas. ` +
          `Move its centre to x between ${Math.ceil(width / 2)} and ${Math.floor(layout.width - width / 2)} and y between ${Math.ceil(height / 2)} and ${Math.floor(layout.height - height / 2)}, or make the canvas larger.`,
      });
    }
  }
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(0, i)) {
      if (!rectsOverlap(a.rect, b.rect)) continue;
      const same = a.at[0] === b.at[0] && a.at[1] === b.at[1];
      issues.push({
        node: a.id,
        message: same
          ? `node "${a.id}" is at [${a.at.join(', ')}], the same position as node "${b.id}": one box would hide the other. Give it a position of its own.`
          : `the box of node "${a.id}" at [${a.at.join(', ')}] overlaps the box of node "${b.id}" at [${b.at.join(', ')}]. Move one of them apart (boxes are about ${Math.round(a.rect.width)} and ${Math.round(b.rect.width)} px wide).`,
      });
    }
  });
  return issues;
}

/** Parses and checks the figure data against the atlas, the bibliography and the chapters; every mistake is reported at once. */
export function parseFigures(text: string, file: string, check: FigureCheck): FigureSpec[] {
  const source = readYaml(text, file);
  const parsed = z.array(figureSchema).safeParse(source.data);
  if (!parsed.success) throw new FigureDataError(schemaIssues(source, parsed.error.issues));
  const figures = parsed.data;
  const issues: DataIssue[] = [];
  const ids = new Set<string>();
  const numbers = new Set<number>();
  figures.forEach((f, i) => {
    const add = (path: (string | number)[], message: string) => issues.push(source.issue([i, ...path], `figure "${f.id}": ${message}`));
    if (ids.has(f.id)) add(['id'], 'repeats an id. Figure ids are anchors: give each figure its own.');
    if (numbers.has(f.number)) add(['number'], `repeats figure number ${f.number}. Number the figures 1, 2, 3... once each.`);
    ids.add(f.id);
    numbers.add(f.number);
    if (check.chapterIds && !check.chapterIds.has(f.chapter)) add(['chapter'], `names chapter "${f.chapter}", which does not exist. Use a chapter's file name without ".mdx".`);
    const factor = (id: string, ...path: (string | number)[]) => {
      if (!check.factorIds.has(id)) add(path, `names "${id}", which is not a factor id in content/factors.yaml. Use an atlas id.`);
    };
    const cites = (keys: string[], ...path: (string | number)[]) => {
      for (const k of keys) if (!check.citationKeys.has(k)) add(path, `cites "${k}", which is not in the bibliography. Use a key from content/bibliography.bib.`);
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
      for (const end of p.split('>')) if (!nodes.has(end)) add(path, `pair "${p}" names "${end}", which is not one of the figure's nodes. Add it to "nodes" or fix the pair.`);
    };
    (f.pairs ?? []).forEach((p, j) => pairOk(p, 'pairs', j));
    const labelOf = (id: string) => f.names[id] ?? check.factorNames?.get(id) ?? id;
    for (const name of ['wide', 'narrow'] as const) {
      for (const n of f.nodes) if (!f[name].at[n]) add([name, 'at'], `node "${n}" has no position in the ${name} layout. Add "${n}: [x, y]".`);
      if (check.factorNames) {
        for (const g of layoutGeometryIssues(f.nodes, f[name], labelOf)) add([name, 'at', g.node], `in the ${name} layout, ${g.message}`);
      }
    }
    f.steps.forEach((s, j) => {
      s.pairs.forEach((p) => pairOk(p, 'steps', j, 'pairs'));
      cites(s.cites, 'steps', j, 'cites');
    });
  });
  if (issues.length) throw new FigureDataError(issues);
  return figures;
}

export function loadFigures(path: string, displayName: string, check: FigureCheck): FigureSpec[] {
  return parseFigures(readFileSync(path, 'utf8'), displayName, check);
}
