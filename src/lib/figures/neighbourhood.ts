/**
 * A factor's neighbourhood, drawn so that it never needs sideways scrolling however many neighbours
 * it has: the factor at the top, then its neighbours grouped by relation (what it stimulates, what
 * produces it, what stimulates it, ...), each group a band of boxes wrapped into rows at the given
 * width, joined to the factor by one trunk with a branch per group. A hub with 47 relations grows
 * taller, not wider. Pure; the drawing reports its own measures.
 */
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { Factor, FactorRelation, RelationType } from '../atlas/factors.ts';
import type { Cancer, EvidenceKind } from '../atlas/evidence.ts';
import { filterGroups } from '../atlas/evidence.ts';
import { verbFor } from '../atlas/relation-phrasing.ts';
import { countCrossings, rectsOverlap, type Point, type Rect } from './geometry.ts';
import { LABEL_FONT, NODE_FONT, lineHeight, textWidth, wrapText, type DrawingMeasures } from './layout.ts';
import { PAGE_IMAGE_STYLE } from './figure-svg.ts';

export interface NeighbourGroup {
  /** `out:stimulates` (the factor stimulates them) or `in:stimulates` (they stimulate the factor). */
  key: string;
  heading: string;
  direction: 'out' | 'in';
  type: RelationType;
  /** Each neighbour with its citations and its evidence (the relations' typed evidence, joined when several relate the two). */
  members: NeighbourMember[];
}

export interface NeighbourMember {
  id: string;
  label: string;
  cites: string[];
  evidence: EvidenceKind[];
  cancer: Cancer[];
  /** Signals named by the relations (atlas ids). */
  via: string[];
}

/** The data attributes of a neighbour (its box and its list line): the statement(s) it stands for. */
export function memberAttributes(factorId: string, g: Pick<NeighbourGroup, 'direction'>, m: NeighbourMember): Record<string, string> {
  const [from, to] = g.direction === 'out' ? [factorId, m.id] : [m.id, factorId];
  return {
    'data-from': from,
    'data-to': to,
    'data-via': m.via.join(' '),
    'data-cites': m.cites.join(' '),
    'data-evidence': m.evidence.join(' '),
    'data-cancer': m.cancer.join(' '),
    'data-filter-groups': filterGroups(m.evidence, m.cancer),
  };
}

const OUT_HEADINGS: Record<Exclude<RelationType, 'produced-by'>, string> = {
  stimulates: 'stimulates',
  attracts: 'attracts',
  inhibits: 'inhibits',
  'receptor-of': 'is a receptor for',
  'marker-of': 'is a marker of',
  'precursor-of': 'is a precursor of',
  degrades: 'breaks down',
  resists: 'resists',
};
const IN_HEADINGS: Record<RelationType, (name: string) => string> = {
  stimulates: (n) => `Stimulate ${n}`,
  attracts: (n) => `Attract ${n}`,
  inhibits: (n) => `Inhibit ${n}`,
  'produced-by': (n) => `Made, expressed or carried by ${n}`,
  'receptor-of': (n) => `Receptors of ${n}`,
  'marker-of': (n) => `Markers of ${n}`,
  'precursor-of': (n) => `Precursors of ${n}`,
  degrades: (n) => `Break down ${n}`,
  resists: (n) => `Resist ${n}`,
};

/** The factor's neighbours, grouped by relation type and direction, in a fixed order. */
export function neighbourGroups(factor: Factor, factors: readonly Factor[]): NeighbourGroup[] {
  const byId = new Map(factors.map((f) => [f.id, f]));
  const groups = new Map<string, NeighbourGroup>();
  const add = (direction: 'out' | 'in', r: FactorRelation, id: string) => {
    const type = r.type;
    // "is produced by", "is expressed by", "comes from"...: the verb true for this factor and neighbour.
    const other = byId.get(id);
    const verb = type === 'produced-by' && other ? verbFor(type, factor, other, false) : '';
    const key = direction === 'out' && type === 'produced-by' ? `out:produced-by:${verb}` : `${direction}:${type}`;
    let g = groups.get(key);
    if (!g) {
      const heading =
        direction === 'out' ? `${factor.name} ${type === 'produced-by' ? verb : OUT_HEADINGS[type]}` : type === 'produced-by' && factor.kind === 'tissue' ? `Come from the ${factor.name}` : IN_HEADINGS[type](factor.name);
      g = { key, heading, direction, type, members: [] };
      groups.set(key, g);
    }
    const union = <T,>(a: T[], b: readonly T[]) => [...new Set([...a, ...b])];
    const existing = g.members.find((m) => m.id === id);
    if (existing) {
      existing.cites = union(existing.cites, r.cites);
      existing.evidence = union(existing.evidence, r.evidence ?? []);
      existing.cancer = union(existing.cancer, r.cancer ?? []);
      existing.via = union(existing.via, r.via ?? []);
    } else g.members.push({ id, label: other?.name ?? id, cites: [...r.cites], evidence: [...(r.evidence ?? [])], cancer: [...(r.cancer ?? [])], via: [...(r.via ?? [])] });
  };
  // The drawing shows what the review states; an uncited gloss stays in the page's list, marked as background.
  for (const r of factor.relations) if (!r.gloss) add('out', r, r.target);
  for (const other of factors) for (const r of other.relations) if (r.target === factor.id && !r.gloss) add('in', r, other.id);
  const types = ['stimulates', 'attracts', 'inhibits', 'resists', 'degrades', 'receptor-of', 'marker-of', 'precursor-of', 'produced-by'];
  const rank = (g: NeighbourGroup) => (g.direction === 'out' ? 0 : 100) + types.indexOf(g.type);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** Whether a factor has a neighbourhood to draw: a relation, its own or another's, that the review states. */
export function hasNeighbourhood(factor: Factor, factors: readonly Factor[]): boolean {
  return factors.some((f) => f.relations.some((r) => !r.gloss && (f.id === factor.id || r.target === factor.id)));
}

/** The neighbourhood figure's title and text alternative, on the page and in the downloaded file. */
export const neighbourhoodTitle = (factor: Pick<Factor, 'name'>) => `${factor.name} and the factors it relates to`;
export const neighbourhoodDescription = (factor: Pick<Factor, 'name'>) =>
  `A diagram of the relations of ${factor.name} stated in the review, drawn from the atlas data, its neighbours grouped by kind of relation.`;

/** Whether the relation runs from the factor to the group (it acts on them or makes them). */
export const flowsOut = (g: Pick<NeighbourGroup, 'direction' | 'type'>) =>
  (g.direction === 'out') !== (g.type === 'produced-by' || g.type === 'receptor-of');

export interface NeighbourhoodDrawing {
  width: number;
  height: number;
  focus: { id: string; lines: string[]; rect: Rect };
  groups: { group: NeighbourGroup; heading: { lines: string[]; rect: Rect }; band: Rect; boxes: { id: string; lines: string[]; rect: Rect }[]; branch: Point[] }[];
  trunk: Point[];
}

const PAD = 8;
const GAP = 8;
const TRUNK_X = 14;

export function layoutNeighbourhood(factor: Factor, groups: readonly NeighbourGroup[], width: number): NeighbourhoodDrawing {
  const box = (label: string, maxWidth: number) => {
    const lines = wrapText(label, NODE_FONT, maxWidth);
    return { lines, width: Math.max(...lines.map((l) => textWidth(l, NODE_FONT))) + 2 * PAD, height: lines.length * lineHeight(NODE_FONT) + 10 };
  };
  const f = box(factor.name, width - 40);
  const focus = { id: factor.id, lines: f.lines, rect: { x: (width - f.width) / 2, y: 6, width: f.width, height: f.height } };
  let y = focus.rect.y + focus.rect.height + 18;
  const left = TRUNK_X + 16;
  const inner = width - left - 6;
  const laid: NeighbourhoodDrawing['groups'] = [];
  for (const g of groups) {
    const headingLines = wrapText(g.heading, LABEL_FONT, inner - 2 * PAD);
    const headingRect = { x: left + PAD, y: y + 4, width: Math.max(...headingLines.map((l) => textWidth(l, LABEL_FONT))), height: headingLines.length * lineHeight(LABEL_FONT) };
    let rowY = headingRect.y + headingRect.height + 6;
    let x = left + PAD;
    let rowH = 0;
    const boxes: NeighbourhoodDrawing['groups'][number]['boxes'] = [];
    for (const m of g.members) {
      const b = box(m.label, inner - 2 * PAD);
      if (x + b.width > left + inner - PAD && x > left + PAD) {
        x = left + PAD;
        rowY += rowH + GAP;
        rowH = 0;
      }
      boxes.push({ id: m.id, lines: b.lines, rect: { x, y: rowY, width: b.width, height: b.height } });
      x += b.width + GAP;
      rowH = Math.max(rowH, b.height);
    }
    const band = { x: left, y, width: inner, height: rowY + rowH + PAD - y };
    const mid = y + Math.min(band.height / 2, 18);
    laid.push({ group: g, heading: { lines: headingLines, rect: headingRect }, band, boxes, branch: flowsOut(g) ? [{ x: TRUNK_X, y: mid }, { x: left - 1, y: mid }] : [{ x: left, y: mid }, { x: TRUNK_X + 1, y: mid }] });
    y += band.height + 12;
  }
  const last = laid.at(-1);
  const trunk = [
    { x: focus.rect.x, y: focus.rect.y + focus.rect.height / 2 },
    { x: TRUNK_X, y: focus.rect.y + focus.rect.height / 2 },
    { x: TRUNK_X, y: last ? last.branch[0]!.y : focus.rect.y + focus.rect.height },
  ];
  return { width, height: Math.ceil(y), focus, groups: laid, trunk };
}

export function measureNeighbourhood(d: NeighbourhoodDrawing): DrawingMeasures {
  const texts = [d.focus.rect, ...d.groups.flatMap((g) => [g.heading.rect, ...g.boxes.map((b) => b.rect)])];
  const overlaps: string[] = [];
  texts.forEach((r, i) => texts.forEach((o, j) => j > i && rectsOverlap(r, o) && overlaps.push(`${i}/${j}`)));
  return {
    width: d.width,
    height: d.height,
    edges: d.groups.reduce((n, g) => n + g.boxes.length, 0),
    crossings: countCrossings([d.trunk, ...d.groups.map((g) => g.branch)].map((l) => l)),
    overlaps,
    throughNodes: [],
    smallestText: LABEL_FONT,
  };
}

export interface NeighbourhoodSvgOptions {
  idPrefix: string;
  title: string;
  description: string;
  /** Node links; none in a downloaded file. */
  href?: ((id: string) => string) | undefined;
  className?: string;
  /** Data attributes of a neighbour's box (the statement it stands for), by group and neighbour. */
  memberData?: ((g: NeighbourGroup, id: string) => Record<string, string>) | undefined;
}

export function neighbourhoodSvg(d: NeighbourhoodDrawing, o: NeighbourhoodSvgOptions, extra: Element[] = []): string {
  const p = o.idPrefix;
  return toHtml(
    s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${d.width} ${d.height}`, width: d.width, height: d.height, class: `fig-svg${o.className ? ` ${o.className}` : ''}`, role: 'group', 'aria-labelledby': `${p}-title ${p}-desc` }, [...neighbourhoodElements(d, o), ...extra]),
    { space: 'svg' },
  );
}

/** The stable id of a factor page's neighbourhood figure (its anchor, and its drawings' id prefix). */
export const NEIGHBOURHOOD_FIGURE_ID = 'fig-neighbourhood';

/** The width a factor page draws its neighbourhood at for phones. */
export const PHONE_WIDTH = 356;

/**
 * How a factor page draws its neighbourhood: the wide drawing inline and the phone drawing as a file
 * (neighbourhoodSvgFile), with the same links and the same statement data on every neighbour's box.
 */
export function factorDiagramOptions(factor: Factor, o: { id: string; title: string; description: string; href: (id: string) => string }, phone: boolean): NeighbourhoodSvgOptions {
  return {
    idPrefix: `${o.id}-${phone ? 'n' : 'w'}`,
    title: o.title,
    description: o.description,
    href: o.href,
    className: phone ? 'fig-narrow' : 'fig-wide',
    memberData: (g, mid) => {
      const m = g.members.find((x) => x.id === mid);
      return m ? memberAttributes(factor.id, g, m) : {};
    },
  };
}

/** Where a factor page's phone drawing is served. */
export const neighbourhoodPhonePath = (id: string) => `/figures/phone/factors/${id}.svg`;

/**
 * A factor page's phone drawing as a file of its own: the same elements, classes, links and ids as
 * inline, plus the page-image style for when it shows as an image (figure-phone.ts drops that style
 * when it puts the drawing inline, where the page's stylesheet applies).
 */
export function neighbourhoodSvgFile(d: NeighbourhoodDrawing, o: NeighbourhoodSvgOptions): string {
  return neighbourhoodSvg(d, o, [s('style', PAGE_IMAGE_STYLE)]);
}

/** The drawing's elements, for the page (linked nodes) or a standalone file (no links). */
export function neighbourhoodElements(d: NeighbourhoodDrawing, o: NeighbourhoodSvgOptions): Element[] {
  const p = o.idPrefix;
  const node = (id: string, lines: string[], r: Rect, cls: string, data: Record<string, string> = {}): Element => {
    const cx = r.x + r.width / 2;
    const top = r.y + (r.height - lines.length * lineHeight(NODE_FONT)) / 2 + NODE_FONT - 1;
    const parts = [
      s('rect', { x: r.x, y: r.y, width: r.width, height: r.height, rx: 6 }),
      s('text', { x: cx, 'text-anchor': 'middle' }, lines.map((l, i) => s('tspan', { x: cx, y: top + i * lineHeight(NODE_FONT) }, l))),
    ];
    return o.href ? s('a', { href: o.href(id), class: cls, 'data-node': id, ...data }, parts) : s('g', { class: cls, 'data-node': id, ...data }, parts);
  };
  const path = (pts: Point[]) => pts.map((q, i) => `${i ? 'L' : 'M'}${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' ');
  const children: Element[] = [
    s('title', { id: `${p}-title` }, o.title),
    s('desc', { id: `${p}-desc` }, o.description),
    s('defs', [
      s('marker', { id: `${p}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'fig-marker-arrow' })]),
      s('marker', { id: `${p}-bar`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' }, [s('path', { d: 'M9,0 L9,10', class: 'fig-marker-bar' })]),
    ]),
    s('path', { class: 'fig-edge fig-trunk', d: path(d.trunk) }),
    ...d.groups.flatMap((g) => [
      s('g', { class: 'fig-band' }, [s('rect', { x: g.band.x, y: g.band.y, width: g.band.width, height: g.band.height, rx: 8 })]),
      s('path', {
        class: `fig-edge fig-edge-${g.group.type === 'inhibits' ? 'inhibits' : g.group.type === 'stimulates' ? 'stimulates' : 'other'}`,
        d: path(g.branch),
        'marker-end': `url(#${p}-${g.group.type === 'inhibits' ? 'bar' : 'arrow'})`,
      }),
      s('text', { class: 'fig-group-heading', x: g.heading.rect.x }, g.heading.lines.map((l, i) => s('tspan', { x: g.heading.rect.x, y: g.heading.rect.y + LABEL_FONT + i * lineHeight(LABEL_FONT) }, l))),
      s('g', { class: 'fig-nodes' }, g.boxes.map((b) => node(b.id, b.lines, b.rect, 'fig-node', o.memberData?.(g.group, b.id)))),
    ]),
    node(d.focus.id, d.focus.lines, d.focus.rect, 'fig-node fig-node-focus'),
  ];
  return children;
}
