/**
 * Plane geometry for figures: edge crossings, overlapping boxes, a line through a box. Pure, so the
 * layout, the benchmark and the tests measure drawings the same way.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const EPS = 1e-6;

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Whether two segments cross at a point inside both (touching ends and collinear overlap do not count). */
export function segmentsCross(a1: Point, a2: Point, b1: Point, b2: Point): boolean {
  const d1 = cross(b1, b2, a1);
  const d2 = cross(b1, b2, a2);
  const d3 = cross(a1, a2, b1);
  const d4 = cross(a1, a2, b2);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

const segments = (line: readonly Point[]) => line.slice(1).map((p, i) => [line[i] as Point, p] as const);

/** Number of points where two polylines cross. */
export function polylineCrossings(a: readonly Point[], b: readonly Point[]): number {
  let n = 0;
  for (const [a1, a2] of segments(a)) for (const [b1, b2] of segments(b)) if (segmentsCross(a1, a2, b1, b2)) n++;
  return n;
}

/** Crossings between the edges of a drawing: every pair of edges, every point where they cross. */
export function countCrossings(edges: readonly (readonly Point[])[]): number {
  let n = 0;
  for (let i = 0; i < edges.length; i++) for (let j = i + 1; j < edges.length; j++) n += polylineCrossings(edges[i] as Point[], edges[j] as Point[]);
  return n;
}

/** Whether two boxes overlap by more than `tolerance` pixels in both directions. */
export function rectsOverlap(a: Rect, b: Rect, tolerance = 0.5): boolean {
  return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x && a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

/** A box grown by `by` on every side. */
export const inflate = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

const inside = (p: Point, r: Rect) => p.x > r.x + EPS && p.x < r.x + r.width - EPS && p.y > r.y + EPS && p.y < r.y + r.height - EPS;

/** Whether a segment passes through the inside of a box. */
export function segmentHitsRect(p1: Point, p2: Point, r: Rect): boolean {
  if (inside(p1, r) || inside(p2, r)) return true;
  const c = [
    { x: r.x, y: r.y },
    { x: r.x + r.width, y: r.y },
    { x: r.x + r.width, y: r.y + r.height },
    { x: r.x, y: r.y + r.height },
  ] as const;
  for (let i = 0; i < 4; i++) if (segmentsCross(p1, p2, c[i] as Point, c[(i + 1) % 4] as Point)) return true;
  // Through two opposite corners exactly: test the midpoint.
  return inside({ x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 }, r);
}

export const polylineHitsRect = (line: readonly Point[], r: Rect) => segments(line).some(([a, b]) => segmentHitsRect(a, b, r));

/** The points of an SVG path made of M and L commands (what the figures draw), absolute coordinates. */
export function pathPoints(d: string): Point[] {
  const out: Point[] = [];
  for (const m of d.matchAll(/[ML]\s*(-?[\d.]+)[ ,]\s*(-?[\d.]+)/g)) out.push({ x: Number(m[1]), y: Number(m[2]) });
  return out;
}

/** Where the segment from the centre of `r` towards `to` leaves the box (plus a gap). */
export function exitPoint(r: Rect, to: Point, gap = 0): Point {
  const c = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (Math.abs(dx) < EPS && Math.abs(dy) < EPS) return c;
  const tx = Math.abs(dx) < EPS ? Infinity : (r.width / 2 + gap) / Math.abs(dx);
  const ty = Math.abs(dy) < EPS ? Infinity : (r.height / 2 + gap) / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: c.x + dx * t, y: c.y + dy * t };
}
