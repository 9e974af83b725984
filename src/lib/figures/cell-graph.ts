/**
 * A figure's graph: the cells (or other places) it names as nodes, and one edge per relation of the
 * atlas that runs from one of them to another. Nothing is composed: an arrow A→B labelled with
 * signal X exists only when the atlas holds the statement "A acts on B through X" (a relation of A
 * with `via: [X]`), which the relation check proves against one chapter passage citing its keys.
 * "X is produced by A" and "X stimulates B" never make an arrow A→B.
 */
import type { Factor, RelationType } from '../atlas/factors.ts';
import type { Cancer, EvidenceKind } from '../atlas/evidence.ts';
import { filterGroups } from '../atlas/evidence.ts';
import { relationPhrase, throughWords, type RelationPhrase } from '../atlas/relation-phrasing.ts';
import { namedInSegments, statementIds, unstatedKeys, type CitedSegment } from '../atlas/relation-evidence.ts';

/** Relations a figure draws between its places: an action, a breakdown, a lineage. */
export const DRAWN_TYPES: ReadonlySet<RelationType> = new Set(['stimulates', 'inhibits', 'attracts', 'degrades', 'precursor-of']);

/** One stated relation between two places of a figure. */
export interface StatedEdge {
  /** `source>target`: the pair the edge joins (several edges may share one). */
  id: string;
  source: string;
  target: string;
  type: RelationType;
  /** Atlas ids of the signals the statement names, in order; empty when it names none. */
  via: string[];
  cites: string[];
  evidence: EvidenceKind[];
  cancer: Cancer[];
  evidenceNote?: string | undefined;
  note?: string | undefined;
  /** Where the statement lives: the source factor's position in the atlas file and the relation's in its list. */
  factorIndex: number;
  relationIndex: number;
}

export interface CellGraph {
  nodes: { id: string; label: string }[];
  edges: StatedEdge[];
}

export const pairId = (source: string, target: string) => `${source}>${target}`;

/** Every stated relation between `places`, in a stable order (by source, then target, as listed, then atlas order). */
export function cellGraph(factors: readonly Factor[], places: readonly string[]): CellGraph {
  const byId = new Map(factors.map((f) => [f.id, f]));
  for (const id of places) if (!byId.has(id)) throw new Error(`figure node "${id}" is not a factor id in the atlas data`);
  const inFigure = new Set(places);
  const edges: StatedEdge[] = [];
  factors.forEach((f, factorIndex) => {
    if (!inFigure.has(f.id)) return;
    f.relations.forEach((r, relationIndex) => {
      // A figure draws what the review states: an uncited gloss is not an arrow.
      if (r.gloss || !DRAWN_TYPES.has(r.type) || !inFigure.has(r.target)) return;
      edges.push({
        id: pairId(f.id, r.target),
        source: f.id,
        target: r.target,
        type: r.type,
        via: r.via ?? [],
        cites: r.cites,
        evidence: r.evidence ?? [],
        cancer: r.cancer ?? [],
        evidenceNote: r.evidenceNote,
        note: r.note,
        factorIndex,
        relationIndex,
      });
    });
  });
  const order = (id: string) => places.indexOf(id);
  edges.sort((a, b) => order(a.source) - order(b.source) || order(a.target) - order(b.target));
  return { nodes: places.map((id) => ({ id, label: byId.get(id)?.name ?? id })), edges };
}

const OTHER_WORDS: Partial<Record<RelationType, string>> = { degrades: 'breaks down', 'precursor-of': 'precursor of' };

/** The label of a drawn arrow: the signals it passes through, else its note, else the relation in a word. */
export function edgeLabel(e: StatedEdge, nameOf: (id: string) => string): string[] {
  if (e.via.length) return [e.via.map(nameOf).join(', ')];
  if (e.note && (e.type === 'stimulates' || e.type === 'inhibits' || e.type === 'attracts')) return [e.note];
  return [OTHER_WORDS[e.type] ?? e.type];
}

/** How an edge is drawn: solid arrow for an action, dashed line ending in a bar for an inhibition, dotted otherwise. */
export const edgeStyle = (e: Pick<StatedEdge, 'type'>): 'stimulates' | 'inhibits' | 'other' =>
  e.type === 'stimulates' || e.type === 'attracts' ? 'stimulates' : e.type === 'inhibits' ? 'inhibits' : 'other';

type Named = Pick<Factor, 'name' | 'kind'> & { plural?: string | undefined };

/** The edge's sentence in parts: subject, verb, article and object, then " through …" and " (note)". */
export function edgeParts(e: StatedEdge, factorOf: (id: string) => Named, nameOf: (id: string) => string = (id) => factorOf(id).name): RelationPhrase & { through: string; note: string } {
  return { ...relationPhrase(factorOf(e.source), e.type, factorOf(e.target)), through: throughWords(e.via.map(nameOf)), note: e.note ? ` (${e.note})` : '' };
}

/** The edge as one sentence of the list: "Cancer cells stimulate osteoblasts through PTH, PTHrP and TNF-α (note)". */
export function edgeSentence(e: StatedEdge, factorOf: (id: string) => Named, nameOf?: (id: string) => string): string {
  const p = edgeParts(e, factorOf, nameOf);
  return `${p.subject} ${p.verb} ${p.article}${p.object}${p.through}${p.note}`;
}

/** The data attributes every shown statement carries: atlas ids, keys, and its evidence in the published vocabulary. */
export function statementAttributes(e: Pick<StatedEdge, 'source' | 'target' | 'via' | 'cites' | 'evidence' | 'cancer'>): Record<string, string> {
  return {
    'data-from': e.source,
    'data-to': e.target,
    'data-via': e.via.join(' '),
    'data-cites': e.cites.join(' '),
    'data-evidence': e.evidence.join(' '),
    'data-cancer': e.cancer.join(' '),
    'data-filter-groups': filterGroups(e.evidence, e.cancer),
  };
}

/** An edge no passage proves: the key whose passages do not name all of source, signals and target. */
export interface UnprovenEdge {
  edge: StatedEdge;
  key: string;
  missing: string[];
  passagesCitingKey: number;
}

/**
 * The proof of a figure's edges: for every key of every edge, some chapter passage citing the key
 * names the source, the target and every signal of the edge (by name, expansion or alias).
 */
export function unprovenEdges(edges: readonly StatedEdge[], factors: readonly Factor[], segments: readonly CitedSegment[]): UnprovenEdge[] {
  const named = namedInSegments(factors, segments);
  return edges.flatMap((edge) => unstatedKeys(statementIds(edge.source, edge), edge.cites, segments, named).map((u) => ({ edge, ...u })));
}

/** The build error for an unproven arrow or list line: the figure, the arrow, the line of its statement, the key and what to do. */
export function unprovenMessage(u: UnprovenEdge, o: { figuresFile: string; figureId: string; drawn: boolean; factorsFile: string; line: number | undefined }): string {
  const what = o.drawn ? 'arrow' : 'list line';
  const via = u.edge.via.length ? ` through ${u.edge.via.join(', ')}` : '';
  const found = u.passagesCitingKey ? `no chapter passage citing it names ${u.missing.join(', ')}` : 'no chapter cites it';
  return (
    `${o.figuresFile}: figure "${o.figureId}", ${what} ${u.edge.id}${via} (${o.factorsFile}${o.line ? `:${o.line}` : ''}) cites "${u.key}", but ${found}. ` +
    `A figure draws only what one passage states: fix the relation in ${o.factorsFile} or leave the pair out of the figure.`
  );
}
