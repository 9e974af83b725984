/**
 * A teaching figure ready to draw: its graph from the atlas data, its wide and narrow drawings, the
 * pairs it does not draw (listed, never dropped), and its steps.
 */
import type { Factor } from '../atlas/factors.ts';
import { cellGraph, edgeSignals, edgeStyle, pairId, type CellGraph, type PairEdge } from './cell-graph.ts';
import type { FigureLayout, GraphFigureSpec } from './figure-spec.ts';
import { layoutFigure, measureDrawing, type Drawing, type DrawingMeasures, type LayoutEdge, type LayoutNode } from './layout.ts';

export interface GraphFigure {
  spec: GraphFigureSpec;
  graph: CellGraph;
  drawn: PairEdge[];
  notDrawn: PairEdge[];
  labelOf: (id: string) => string;
  wide: Drawing;
  narrow: Drawing;
}

function drawing(spec: GraphFigureSpec, layout: FigureLayout, nodes: CellGraph['nodes'], edges: PairEdge[], labelOf: (id: string) => string): Drawing {
  const groupOf = new Map<string, string>();
  for (const [g, def] of Object.entries(spec.groups)) for (const n of def.nodes) groupOf.set(n, g);
  const layoutNodes: LayoutNode[] = nodes.map((n) => {
    const [x, y] = layout.at[n.id] as [number, number];
    const group = groupOf.get(n.id);
    return { id: n.id, label: labelOf(n.id), x, y, ...(layout.wrap[n.id] ? { wrap: layout.wrap[n.id] } : {}), ...(group ? { group } : {}) };
  });
  const stepOf = (id: string) => spec.steps.findIndex((s) => s.pairs.includes(id)) + 1;
  const layoutEdges: LayoutEdge[] = edges.map((e) => {
    const via = layout.via[e.id];
    const step = layout.labels === 'steps' ? stepOf(e.id) : 0;
    const at = layout.labelAt[e.id];
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      style: edgeStyle(e),
      label: step ? [`step ${step}`] : edgeSignals(e).map((p) => p.text),
      ...(via ? { via: via.map(([x, y]) => ({ x, y })) } : {}),
      ...(at ? { labelAt: { x: at[0], y: at[1] } } : {}),
    };
  });
  return layoutFigure(layoutNodes, layoutEdges, { width: layout.width, height: layout.height, labelWrap: layout.labelWrap });
}

export function graphFigure(spec: GraphFigureSpec, factors: readonly Factor[]): GraphFigure {
  const graph = cellGraph(factors, spec.nodes, spec.signals);
  const names = new Map(graph.nodes.map((n) => [n.id, spec.names[n.id] ?? n.label]));
  const labelOf = (id: string) => names.get(id) ?? id;
  const wanted = spec.pairs ? new Set(spec.pairs) : undefined;
  const drawn = graph.edges.filter((e) => !wanted || wanted.has(e.id));
  const notDrawn = graph.edges.filter((e) => wanted && !wanted.has(e.id));
  for (const p of spec.pairs ?? []) {
    if (!graph.edges.some((e) => e.id === p)) throw new Error(`content/figures.yaml: figure "${spec.id}" draws the pair "${p}", but the atlas data has no relation between them. Remove it from "pairs".`);
  }
  for (const s of spec.steps) {
    for (const p of s.pairs) if (!drawn.some((e) => e.id === p)) throw new Error(`content/figures.yaml: figure "${spec.id}" has a step on "${p}", which the figure does not draw.`);
  }
  return {
    spec,
    graph,
    drawn,
    notDrawn,
    labelOf,
    wide: drawing(spec, spec.wide, graph.nodes, drawn, labelOf),
    narrow: drawing(spec, spec.narrow, graph.nodes, drawn, labelOf),
  };
}

export function figureMeasures(f: GraphFigure): { wide: DrawingMeasures; narrow: DrawingMeasures } {
  return { wide: measureDrawing(f.wide), narrow: measureDrawing(f.narrow) };
}

export { pairId };
