/**
 * Lays out a figure whose nodes have curated positions (content/figures.yaml): boxes sized to their
 * wrapped labels, straight edges between box borders (an ordered pair and its reverse drawn side by
 * side), and each edge label placed where it overlaps no other label, node or line. Pure and
 * deterministic; the drawing reports its own measures (crossings, overlaps, smallest text).
 */
import { countCrossings, exitPoint, inflate, polylineHitsRect, rectsOverlap, type Point, type Rect } from './geometry.ts';

export const NODE_FONT = 13;
export const LABEL_FONT = 12;
export const LINE_GAP = 3;

const NARROW = new Set([...'il.,;:|!\'’ ()[]-jtfrI1']);
const WIDE = new Set([...'mwMWαβγδκ—']);
/** Text width estimate for a sans-serif face, slightly generous so boxes never clip. */
export function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) em += NARROW.has(ch) ? 0.36 : WIDE.has(ch) ? 0.9 : ch === ch.toUpperCase() && /[A-Z]/.test(ch) ? 0.74 : 0.62;
  return Math.ceil(em * px);
}

/** Breaks text into lines of at most `maxWidth` px, at spaces and after commas. */
export function wrapText(text: string, px: number, maxWidth: number): string[] {
  const words = text.split(/(?<=[,;:])\s+|\s+/).filter(Boolean);
  const lines: string[] = [];
  for (const w of words) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${w}`, px) <= maxWidth) lines[lines.length - 1] = `${last} ${w}`;
    else lines.push(w);
  }
  return lines;
}

export interface LayoutNode {
  id: string;
  label: string;
  /** Centre. */
  x: number;
  y: number;
  /** Longest line in px before the label wraps. */
  wrap?: number;
  group?: string;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  style: 'stimulates' | 'inhibits' | 'other';
  /** Label lines before wrapping (e.g. the stimulating and the inhibiting signals). */
  label: string[];
  /** Bend points between the two boxes. */
  via?: Point[];
  /** A preferred place for the label's centre. */
  labelAt?: Point;
}

export interface PlacedNode {
  id: string;
  lines: string[];
  rect: Rect;
  group?: string;
}

export interface PlacedEdge {
  id: string;
  source: string;
  target: string;
  style: LayoutEdge['style'];
  points: Point[];
  label?: { lines: string[]; rect: Rect };
}

export interface Drawing {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export interface DrawingMeasures {
  width: number;
  height: number;
  edges: number;
  crossings: number;
  /** Labels that overlap another label, a node or another edge's line, by id. */
  overlaps: string[];
  /** Edges whose line passes through a box other than its two ends. */
  throughNodes: string[];
  smallestText: number;
}

const PAD_X = 8;
const PAD_Y = 6;
const LABEL_PAD = 3;
const PARALLEL = 5;
/** A label keeps this far from every line but its own, so it never reads as another edge's. */
const CLEAR = 6;

export const lineHeight = (px: number) => px + LINE_GAP;

/** A node's box: its label wrapped at the node's width, with padding, centred on its position. */
export function nodeRect(n: LayoutNode): { rect: Rect; lines: string[] } {
  const lines = wrapText(n.label, NODE_FONT, n.wrap ?? 120);
  const w = Math.max(...lines.map((l) => textWidth(l, NODE_FONT))) + 2 * PAD_X;
  const h = lines.length * lineHeight(NODE_FONT) + 2 * PAD_Y;
  return { rect: { x: n.x - w / 2, y: n.y - h / 2, width: w, height: h }, lines };
}

export function labelBox(lines: string[]): { width: number; height: number } {
  return {
    width: Math.max(...lines.map((l) => textWidth(l, LABEL_FONT))) + 2 * LABEL_PAD,
    height: lines.length * lineHeight(LABEL_FONT) + 2 * LABEL_PAD - LINE_GAP + 2,
  };
}

const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The point at fraction t of a polyline's length. */
function along(points: Point[], t: number): { at: Point; dir: Point } {
  const lens = points.slice(1).map((p, i) => Math.hypot(p.x - (points[i] as Point).x, p.y - (points[i] as Point).y));
  let rest = lens.reduce((a, b) => a + b, 0) * t;
  for (let i = 0; i < lens.length; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const len = lens[i] as number;
    if (rest <= len || i === lens.length - 1) {
      const f = len ? Math.min(1, rest / len) : 0;
      return { at: { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }, dir: { x: (b.x - a.x) / (len || 1), y: (b.y - a.y) / (len || 1) } };
    }
    rest -= len;
  }
  return { at: points[0] as Point, dir: { x: 1, y: 0 } };
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Widest a label may be before it wraps. */
  labelWrap: number;
}

export function layoutFigure(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], { width, height, labelWrap }: LayoutOptions): Drawing {
  const placed = new Map<string, PlacedNode>();
  for (const n of nodes) placed.set(n.id, { id: n.id, ...nodeRect(n), ...(n.group ? { group: n.group } : {}) });
  const pairs = new Set(edges.map((e) => `${e.source}>${e.target}`));

  const lines: PlacedEdge[] = edges.map((e) => {
    const a = placed.get(e.source)?.rect;
    const b = placed.get(e.target)?.rect;
    if (!a || !b) throw new Error(`edge ${e.id} joins a node that has no position`);
    const via = e.via ?? [];
    const ca = centre(a);
    const cb = centre(b);
    let start = exitPoint(a, via[0] ?? cb, 1);
    let end = exitPoint(b, via.at(-1) ?? ca, 5);
    // An ordered pair drawn beside its reverse: shift both to the right of their direction.
    if (pairs.has(`${e.target}>${e.source}`) && !via.length) {
      const dx = cb.x - ca.x;
      const dy = cb.y - ca.y;
      const len = Math.hypot(dx, dy) || 1;
      const off = { x: (-dy / len) * PARALLEL, y: (dx / len) * PARALLEL };
      const shift = (p: Point) => ({ x: p.x + off.x, y: p.y + off.y });
      start = exitPoint(a, shift(cb), 1);
      end = exitPoint(b, shift(ca), 5);
      start = { x: start.x + off.x, y: start.y + off.y };
      end = { x: end.x + off.x, y: end.y + off.y };
    }
    return { id: e.id, source: e.source, target: e.target, style: e.style, points: [start, ...via, end] };
  });

  const nodeRects = [...placed.values()].map((n) => inflate(n.rect, 3));
  const taken: Rect[] = [];
  // Larger labels first: they have fewer places to go.
  const order = edges.map((e, i) => ({ e, i, size: e.label.join(' ').length })).sort((a, b) => b.size - a.size);
  for (const { e, i } of order) {
    if (!e.label.length) continue;
    const wrapped = e.label.flatMap((l) => wrapText(l, LABEL_FONT, labelWrap));
    const box = labelBox(wrapped);
    const line = lines[i] as PlacedEdge;
    const others = lines.filter((l) => l !== line);
    const candidates: Point[] = [];
    if (e.labelAt) candidates.push(e.labelAt);
    const twin = pairs.has(`${e.target}>${e.source}`);
    const ts = [0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8];
    const beside = (t: number, side: 1 | -1) => {
      const { at, dir } = along(line.points, t);
      const normal = { x: -dir.y * side, y: dir.x * side };
      const off = Math.abs(normal.x) * (box.width / 2 + 3) + Math.abs(normal.y) * (box.height / 2 + 3);
      return { x: at.x + normal.x * off, y: at.y + normal.y * off };
    };
    // A label sits on its own line (its background masks the line) or, for an ordered pair drawn
    // beside its reverse, on the outer side of its own line: always next to the edge it names.
    if (twin) for (const t of ts) candidates.push(beside(t, 1));
    else {
      for (const t of ts) candidates.push(along(line.points, t).at);
      for (const t of ts) candidates.push(beside(t, 1), beside(t, -1));
    }
    let best: { rect: Rect; conflicts: number } | undefined;
    for (const c of candidates) {
      const rect = { x: Math.round(c.x - box.width / 2), y: Math.round(c.y - box.height / 2), width: box.width, height: box.height };
      if (rect.x < 0 || rect.y < 0 || rect.x + rect.width > width || rect.y + rect.height > height) continue;
      const conflicts =
        taken.filter((r) => rectsOverlap(inflate(r, 2), rect)).length +
        nodeRects.filter((r) => rectsOverlap(r, rect)).length +
        others.filter((o) => polylineHitsRect(o.points, inflate(rect, CLEAR))).length;
      if (!best || conflicts < best.conflicts) best = { rect, conflicts };
      if (conflicts === 0) break;
    }
    const rect = best?.rect ?? { x: 0, y: 0, ...box };
    taken.push(rect);
    line.label = { lines: wrapped, rect };
  }
  return { width, height, nodes: [...placed.values()], edges: lines };
}

/** What a reader would check: size, crossings, overlapping labels, the smallest text. */
export function measureDrawing(d: Drawing): DrawingMeasures {
  const overlaps: string[] = [];
  const labelled = d.edges.filter((e) => e.label);
  for (const e of labelled) {
    const r = (e.label as { rect: Rect }).rect;
    const hit =
      labelled.some((o) => o !== e && rectsOverlap((o.label as { rect: Rect }).rect, r)) ||
      d.nodes.some((n) => rectsOverlap(n.rect, r)) ||
      d.edges.some((o) => o !== e && polylineHitsRect(o.points, inflate(r, CLEAR - 1)));
    if (hit) overlaps.push(e.id);
  }
  const throughNodes = d.edges.filter((e) => d.nodes.some((n) => n.id !== e.source && n.id !== e.target && polylineHitsRect(e.points, n.rect))).map((e) => e.id);
  return {
    width: d.width,
    height: d.height,
    edges: d.edges.length,
    throughNodes,
    crossings: countCrossings(d.edges.map((e) => e.points)),
    overlaps,
    smallestText: Math.min(NODE_FONT, ...(labelled.length ? [LABEL_FONT] : [])),
  };
}
