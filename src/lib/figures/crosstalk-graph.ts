/**
 * The cross-talk graph, derived from the factors' relations:
 * - the vicious cycle: cells and bone matrix as nodes; an edge from the cell that produces a
 *   molecule to the cell the molecule acts on, labelled with the molecule, plus direct relations
 *   between cells (a precursor, breaking down the matrix);
 * - a factor's neighbourhood: the factor, what it relates to and what relates to it.
 */
import type { Factor, FactorRelation, RelationType } from '../atlas/factors.ts';
import { RELATION_LABELS } from '../atlas/factors.ts';

export type EdgeEffect = 'stimulates' | 'inhibits' | 'other';

export interface GraphNode {
  id: string;
  label: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  effect: EdgeEffect;
  cites: string[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const effectOf = (type: RelationType): EdgeEffect => (type === 'stimulates' ? 'stimulates' : type === 'inhibits' ? 'inhibits' : 'other');

/** The places of the vicious cycle: the tumour cell, bone cells, bone matrix and immune cells. */
export const VICIOUS_CYCLE_NODES = [
  'tumour-cell',
  'osteoblast',
  'stromal-cell',
  'osteoclast',
  'bone-matrix',
  't-cell',
  'b-cell',
  'th17-cell',
  'gamma-delta-t-cell',
  'mdsc',
];

/** The cells and tissue of the vicious cycle, with the molecules that pass between them. */
export function viciousCycleGraph(factors: readonly Factor[], places: readonly string[] = VICIOUS_CYCLE_NODES): Graph {
  const byId = new Map(factors.map((f) => [f.id, f]));
  const inCycle = new Set(places);
  const isPlace = (f: Factor | undefined) => !!f && inCycle.has(f.id);
  const merged = new Map<string, { source: string; target: string; effect: EdgeEffect; labels: string[]; cites: Set<string> }>();
  const add = (source: string, target: string, effect: EdgeEffect, label: string, cites: string[]) => {
    const key = `${source}>${target}>${effect}`;
    const edge = merged.get(key) ?? { source, target, effect, labels: [], cites: new Set<string>() };
    if (label && !edge.labels.includes(label)) edge.labels.push(label);
    for (const c of cites) edge.cites.add(c);
    merged.set(key, edge);
  };

  for (const f of factors) {
    if (f.kind === 'cell' || f.kind === 'tissue') {
      if (!isPlace(f)) continue;
      for (const r of f.relations) {
        if (!isPlace(byId.get(r.target)) || r.type === 'produced-by') continue;
        // The line already says stimulates or inhibits; name only the other relations.
        const effect = effectOf(r.type);
        add(f.id, r.target, effect, effect === 'other' ? RELATION_LABELS[r.type] : '', r.cites);
      }
      continue;
    }
    const producers = f.relations.filter((r) => r.type === 'produced-by' && isPlace(byId.get(r.target)));
    const actions = f.relations.filter((r) => (r.type === 'stimulates' || r.type === 'inhibits') && isPlace(byId.get(r.target)));
    for (const p of producers) {
      for (const a of actions) {
        if (p.target !== a.target) add(p.target, a.target, effectOf(a.type), f.name, [...p.cites, ...a.cites]);
      }
    }
  }

  const edges: GraphEdge[] = [...merged.values()].map((e, i) => ({
    id: `e${i}`,
    source: e.source,
    target: e.target,
    label: e.labels.join(', '),
    effect: e.effect,
    cites: [...e.cites],
  }));
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = factors.filter((f) => used.has(f.id)).map((f) => ({ id: f.id, label: f.name }));
  return { nodes, edges };
}

/** The factor, every factor it relates to, and every factor that relates to it. */
export function neighbourhoodGraph(factor: Factor, factors: readonly Factor[]): Graph {
  const edges: GraphEdge[] = [];
  const push = (source: Factor, r: FactorRelation) =>
    edges.push({ id: `e${edges.length}`, source: source.id, target: r.target, label: RELATION_LABELS[r.type], effect: effectOf(r.type), cites: r.cites });
  for (const r of factor.relations) push(factor, r);
  for (const other of factors) for (const r of other.relations) if (r.target === factor.id) push(other, r);
  const used = new Set([factor.id, ...edges.flatMap((e) => [e.source, e.target])]);
  const nodes = factors.filter((f) => used.has(f.id)).map((f) => ({ id: f.id, label: f.name }));
  return { nodes, edges };
}
