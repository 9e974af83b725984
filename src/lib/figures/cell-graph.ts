/**
 * A figure's graph, derived from the atlas relations: the cells (or other places) a figure names as
 * nodes, and one edge per ordered pair of them, carrying every signal that passes that way.
 *
 * A signal passes from A to B when a factor is produced by A and stimulates or inhibits B, or when A
 * itself stimulates, inhibits, breaks down or is a precursor of B.
 */
import type { Factor, RelationType } from '../atlas/factors.ts';

export interface PairEdge {
  /** `source>target`, stable across builds. */
  id: string;
  source: string;
  target: string;
  /** Factors (by name) that stimulate the target, or '' for a direct action. */
  stimulates: string[];
  /** Factors (by name) that inhibit the target, or '' for a direct inhibition. */
  inhibits: string[];
  /** Other direct relations, as words ("breaks down", "is a precursor of"). */
  other: string[];
  /** The atlas notes of direct relations ("holds them dormant for years"). */
  notes: { stimulates: string[]; inhibits: string[] };
  cites: string[];
  /** Where the evidence for the edge's relations comes from (their contexts in the atlas data). */
  contexts: string[];
}

export interface CellGraph {
  nodes: { id: string; label: string }[];
  edges: PairEdge[];
}

const DIRECT: Partial<Record<RelationType, 'stimulates' | 'inhibits' | 'other'>> = {
  stimulates: 'stimulates',
  inhibits: 'inhibits',
  degrades: 'other',
  'precursor-of': 'other',
};
const OTHER_WORDS: Partial<Record<RelationType, string>> = { degrades: 'breaks down', 'precursor-of': 'is a precursor of' };

export const pairId = (source: string, target: string) => `${source}>${target}`;

/** One edge per ordered pair of `places`, in a stable order (by source, then target, as listed). */
export function cellGraph(factors: readonly Factor[], places: readonly string[], signals?: readonly string[]): CellGraph {
  const onlySignals = signals ? new Set(signals) : undefined;
  const byId = new Map(factors.map((f) => [f.id, f]));
  for (const id of places) if (!byId.has(id)) throw new Error(`figure node "${id}" is not a factor id in the atlas data`);
  const inFigure = new Set(places);
  const edges = new Map<string, PairEdge>();
  const edge = (source: string, target: string) => {
    const id = pairId(source, target);
    let e = edges.get(id);
    if (!e) edges.set(id, (e = { id, source, target, stimulates: [], inhibits: [], other: [], notes: { stimulates: [], inhibits: [] }, cites: [], contexts: [] }));
    return e;
  };
  const add = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item);
  };

  for (const f of factors) {
    if (inFigure.has(f.id)) {
      for (const r of f.relations) {
        // A figure draws what the review states: an uncited gloss is not an arrow.
        if (r.gloss) continue;
        const how = DIRECT[r.type];
        if (!how || !inFigure.has(r.target)) continue;
        const e = edge(f.id, r.target);
        if (how === 'other') add(e.other, OTHER_WORDS[r.type] ?? r.type);
        else {
          add(e[how], '');
          if (r.note) add(e.notes[how], r.note);
        }
        for (const c of r.cites) add(e.cites, c);
        if (r.context) add(e.contexts, r.context);
      }
      continue;
    }
    if (onlySignals && !onlySignals.has(f.id)) continue;
    const producers = f.relations.filter((r) => !r.gloss && r.type === 'produced-by' && inFigure.has(r.target));
    const actions = f.relations.filter((r) => !r.gloss && (r.type === 'stimulates' || r.type === 'inhibits') && inFigure.has(r.target));
    for (const p of producers) {
      for (const a of actions) {
        if (p.target === a.target) continue;
        const e = edge(p.target, a.target);
        add(e[a.type === 'inhibits' ? 'inhibits' : 'stimulates'], f.name);
        for (const c of [...p.cites, ...a.cites]) add(e.cites, c);
        for (const c of [p.context, a.context]) if (c) add(e.contexts, c);
      }
    }
  }
  const order = (id: string) => places.indexOf(id);
  const list = [...edges.values()].sort((a, b) => order(a.source) - order(b.source) || order(a.target) - order(b.target));
  // A direct action named alongside molecules adds nothing to the label: keep the molecules.
  for (const e of list) {
    if (e.stimulates.length > 1) e.stimulates = e.stimulates.filter(Boolean);
    if (e.inhibits.length > 1) e.inhibits = e.inhibits.filter(Boolean);
  }
  return {
    nodes: places.map((id) => ({ id, label: byId.get(id)?.name ?? id })),
    edges: list,
  };
}

/** The signals of an edge in words, as lines for a label: "IL-6, RANKL" / "inhibits: HIF-1". */
export function edgeSignals(e: PairEdge): { text: string; kind: 'stimulates' | 'inhibits' | 'other' }[] {
  const parts: { text: string; kind: 'stimulates' | 'inhibits' | 'other' }[] = [];
  const named = (l: string[]) => l.filter(Boolean);
  const direct = (how: 'stimulates' | 'inhibits') => (e.notes[how].length === 1 ? (e.notes[how][0] as string) : how);
  if (e.stimulates.length) parts.push({ text: named(e.stimulates).length ? named(e.stimulates).join(', ') : direct('stimulates'), kind: 'stimulates' });
  if (e.inhibits.length) parts.push({ text: named(e.inhibits).length ? `inhibits: ${named(e.inhibits).join(', ')}` : parts.length ? 'also inhibits' : direct('inhibits'), kind: 'inhibits' });
  for (const o of e.other) parts.push({ text: o === 'is a precursor of' ? 'precursor' : o, kind: 'other' });
  return parts;
}

/** The edge as a sentence for the text list: "T cell stimulates osteoclast through RANKL, TNF-α". */
export function edgeSentence(e: PairEdge, labelOf: (id: string) => string): string {
  const s = labelOf(e.source);
  const t = labelOf(e.target);
  const named = (l: string[]) => l.filter(Boolean);
  const clauses: string[] = [];
  const how = (k: 'stimulates' | 'inhibits') => (e.notes[k].length ? ` directly (${e.notes[k].join('; ')})` : ' directly');
  if (e.stimulates.length) clauses.push(named(e.stimulates).length ? `${s} stimulates ${t} through ${named(e.stimulates).join(', ')}` : `${s} stimulates ${t}${how('stimulates')}`);
  if (e.inhibits.length) clauses.push(named(e.inhibits).length ? `${s} inhibits ${t} through ${named(e.inhibits).join(', ')}` : `${s} inhibits ${t}${how('inhibits')}`);
  for (const o of e.other) clauses.push(`${s} ${o} ${t}`);
  return clauses.join('; ');
}

/** How an edge is drawn: solid arrow unless it only inhibits (dashed, bar) or only relates otherwise (dotted). */
export const edgeStyle = (e: PairEdge): 'stimulates' | 'inhibits' | 'other' =>
  e.stimulates.length ? 'stimulates' : e.inhibits.length && !e.other.length ? 'inhibits' : e.inhibits.length ? 'stimulates' : 'other';
