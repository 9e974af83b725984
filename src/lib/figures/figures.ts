/**
 * A teaching figure ready to draw: its graph from the atlas data (stated relations only), its wide
 * and narrow drawings, the relations it does not draw (listed, never dropped), and its steps. A pair
 * is drawn as one arrow: the first stated relation between its two places; any further relation of
 * the same pair is listed with those not drawn.
 */
import type { Factor } from '../atlas/factors.ts';
import { cellGraph, edgeLabel, edgeStyle, pairId, type CellGraph, type StatedEdge } from './cell-graph.ts';
import type { FigureLayout, GraphFigureSpec } from './figure-spec.ts';
import { layoutFigure, measureDrawing, type Drawing, type DrawingMeasures, type LayoutEdge, type LayoutNode } from './layout.ts';

export interface GraphFigure {
  spec: GraphFigureSpec;
  graph: CellGraph;
  drawn: StatedEdge[];
  notDrawn: StatedEdge[];
  labelOf: (id: string) => string;
  wide: Drawing;
  narrow: Drawing;
}

function drawing(spec: GraphFigureSpec, layout: FigureLayout, nodes: CellGraph['nodes'], edges: StatedEdge[], labelOf: (id: string) => string, nameOf: (id: string) => string): Drawing {
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
      label: step ? [`step ${step}`] : edgeLabel(e, nameOf),
      ...(via ? { via: via.map(([x, y]) => ({ x, y })) } : {}),
      ...(at ? { labelAt: { x: at[0], y: at[1] } } : {}),
    };
  });
  return layoutFigure(layoutNodes, layoutEdges, { width: layout.width, height: layout.height, labelWrap: layout.labelWrap });
}

export function graphFigure(spec: GraphFigureSpec, factors: readonly Factor[]): GraphFigure {
  const graph = cellGraph(factors, spec.nodes);
  const names = new Map(graph.nodes.map((n) => [n.id, spec.names[n.id] ?? n.label]));
  const labelOf = (id: string) => names.get(id) ?? id;
  const factorName = new Map(factors.map((f) => [f.id, f.name]));
  const nameOf = (id: string) => factorName.get(id) ?? id;
  const wanted = spec.pairs ? new Set(spec.pairs) : undefined;
  const drawn: StatedEdge[] = [];
  const notDrawn: StatedEdge[] = [];
  for (const e of graph.edges) {
    if ((!wanted || wanted.has(e.id)) && !drawn.some((d) => d.id === e.id)) drawn.push(e);
    else notDrawn.push(e);
  }
  for (const p of spec.pairs ?? []) {
    if (!graph.edges.some((e) => e.id === p)) {
      throw new Error(`content/figures.yaml: figure "${spec.id}" draws the pair "${p}", but the atlas data states no relation from the one to the other. Remove it from "pairs", or add the relation the review states (with "via" for its signals) to content/factors.yaml.`);
    }
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
    wide: drawing(spec, spec.wide, graph.nodes, drawn, labelOf, nameOf),
    narrow: drawing(spec, spec.narrow, graph.nodes, drawn, labelOf, nameOf),
  };
}

export function figureMeasures(f: GraphFigure): { wide: DrawingMeasures; narrow: DrawingMeasures } {
  return { wide: measureDrawing(f.wide), narrow: measureDrawing(f.narrow) };
}

export { pairId };
