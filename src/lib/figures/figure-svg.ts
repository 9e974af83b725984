/**
 * A laid-out figure as SVG: for the page (colours from the site's theme through CSS classes, boxes
 * link to factor pages, edges carry `data-pair` for the step-through) and as a standalone file for
 * download (black on white, its own style, a credit line naming the site, the figure's address and
 * the review's DOI).
 */
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { LABEL_FONT, NODE_FONT, lineHeight, type Drawing } from './layout.ts';

export interface SvgOptions {
  /** Prefix for ids inside the SVG, unique on the page. */
  idPrefix: string;
  title: string;
  description: string;
  /** Link of a node; none in the standalone file. */
  href?: (id: string) => string;
  /** Node drawn emphasised. */
  focus?: string;
  /** Extra class on the svg element. */
  className?: string;
  /** Group labels drawn as bands behind their nodes: group -> label. */
  groups?: Record<string, string>;
  /** Data attributes of the arrow of a pair (`source>target`) and of its label: the statement it draws. */
  edgeData?: (pair: string) => Record<string, string>;
}

const PAD = 6;

function body(d: Drawing, o: SvgOptions): Element[] {
  const p = o.idPrefix;
  const bands: Element[] = [];
  for (const [group, label] of Object.entries(o.groups ?? {})) {
    const members = d.nodes.filter((n) => n.group === group);
    if (!members.length) continue;
    const x = Math.min(...members.map((n) => n.rect.x)) - PAD;
    const y = Math.min(...members.map((n) => n.rect.y)) - PAD;
    const x2 = Math.max(...members.map((n) => n.rect.x + n.rect.width)) + PAD;
    const y2 = Math.max(...members.map((n) => n.rect.y + n.rect.height)) + PAD + lineHeight(LABEL_FONT) + 2;
    bands.push(
      s('g', { class: 'fig-band' }, [
        s('rect', { x, y, width: x2 - x, height: y2 - y, rx: 8 }),
        s('text', { class: 'fig-band-label', x: (x + x2) / 2, y: y2 - 5, 'text-anchor': 'middle' }, label),
      ]),
    );
  }
  const data = (e: { source: string; target: string }) => o.edgeData?.(`${e.source}>${e.target}`) ?? {};
  const edges = d.edges.map((e) =>
    s('g', { class: 'fig-arrow', ...data(e) }, [
      s('path', {
        class: `fig-edge fig-edge-${e.style}`,
        'data-pair': `${e.source}>${e.target}`,
        d: e.points.map((q, i) => `${i ? 'L' : 'M'}${q.x.toFixed(1)},${q.y.toFixed(1)}`).join(' '),
        'marker-end': `url(#${p}-${e.style === 'inhibits' ? 'bar' : 'arrow'})`,
      }),
    ]),
  );
  const labels = d.edges
    .filter((e) => e.label)
    .map((e) => {
      const { rect, lines } = e.label as { rect: { x: number; y: number; width: number; height: number }; lines: string[] };
      return s('g', { class: 'fig-label', 'data-pair': `${e.source}>${e.target}`, ...data(e) }, [
        s('rect', { x: rect.x, y: rect.y, width: rect.width, height: rect.height, rx: 3 }),
        s(
          'text',
          { x: rect.x + rect.width / 2, 'text-anchor': 'middle' },
          lines.map((line, i) => s('tspan', { x: rect.x + rect.width / 2, y: rect.y + 4 + LABEL_FONT - 1 + i * lineHeight(LABEL_FONT) }, line)),
        ),
      ]);
    });
  const nodes = d.nodes.map((n) => {
    const cx = n.rect.x + n.rect.width / 2;
    const top = n.rect.y + (n.rect.height - n.lines.length * lineHeight(NODE_FONT)) / 2 + NODE_FONT - 1;
    const inner = [
      s('rect', { x: n.rect.x, y: n.rect.y, width: n.rect.width, height: n.rect.height, rx: 6 }),
      s('text', { x: cx, 'text-anchor': 'middle' }, n.lines.map((line, i) => s('tspan', { x: cx, y: top + i * lineHeight(NODE_FONT) }, line))),
    ];
    const cls = `fig-node${n.id === o.focus ? ' fig-node-focus' : ''}`;
    return o.href ? s('a', { href: o.href(n.id), class: cls, 'data-node': n.id }, inner) : s('g', { class: cls, 'data-node': n.id }, inner);
  });
  return [
    s('defs', [
      s('marker', { id: `${p}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'fig-marker-arrow' }),
      ]),
      s('marker', { id: `${p}-bar`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' }, [
        s('path', { d: 'M9,0 L9,10', class: 'fig-marker-bar' }),
      ]),
    ]),
    s('g', { class: 'fig-bands' }, bands),
    s('g', { class: 'fig-edges' }, edges),
    s('g', { class: 'fig-labels' }, labels),
    s('g', { class: 'fig-nodes' }, nodes),
  ];
}

/** The SVG for the page. */
export function figureSvg(d: Drawing, o: SvgOptions): string {
  return toHtml(pageSvg(d, o, []), { space: 'svg' });
}

function pageSvg(d: Drawing, o: SvgOptions, head: Element[]): Element {
  const p = o.idPrefix;
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${d.width} ${d.height}`,
      width: d.width,
      height: d.height,
      class: `fig-svg${o.className ? ` ${o.className}` : ''}`,
      role: 'group',
      'aria-labelledby': `${p}-title ${p}-desc`,
    },
    [s('title', { id: `${p}-title` }, o.title), s('desc', { id: `${p}-desc` }, o.description), ...head, ...body(d, o)],
  );
}

/**
 * The page's colours (src/styles/figures.css, themes from base.css) for a drawing shown as an image,
 * where the page's stylesheet does not reach: light or dark as the image's colour scheme says.
 */
export const PAGE_IMAGE_STYLE = `
svg { color-scheme: light dark; }
text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif; fill: light-dark(#1d1c1a, #e7e4dd); }
.fig-node text { font-size: ${NODE_FONT}px; }
.fig-node rect { fill: light-dark(#f4f1ea, #202328); stroke: light-dark(#1d1c1a, #e7e4dd); stroke-width: 1.2; }
.fig-label text { font-size: ${LABEL_FONT}px; }
.fig-label rect { fill: light-dark(#fdfcf9, #16181b); }
.fig-edge { fill: none; stroke: light-dark(#57534b, #aaa59a); stroke-width: 1.5; }
.fig-edge-inhibits { stroke-dasharray: 6 4; }
.fig-edge-other { stroke-dasharray: 2 3; }
.fig-marker-arrow { fill: light-dark(#57534b, #aaa59a); }
.fig-marker-bar { stroke: light-dark(#57534b, #aaa59a); stroke-width: 2.5; }
.fig-band rect { fill: light-dark(#f4f1ea, #202328); stroke: light-dark(#ddd7ca, #3a3d43); stroke-dasharray: 4 3; }
.fig-band-label { font-size: ${LABEL_FONT}px; font-style: italic; fill: light-dark(#57534b, #aaa59a); }
.fig-group-heading { font-size: ${LABEL_FONT}px; fill: light-dark(#57534b, #aaa59a); }
.fig-node-focus rect { stroke: light-dark(#8a2c1d, #f0a08e); stroke-width: 2.5; }
`;

/**
 * The page's drawing as a file of its own (a figure's phone drawing): the same elements, classes,
 * links and ids as inline, plus PAGE_IMAGE_STYLE for when it is shown as an image. Put inline, the
 * style element is dropped and the page's stylesheet applies.
 */
export function pageSvgFile(d: Drawing, o: SvgOptions): string {
  return toHtml(pageSvg(d, o, [s('style', PAGE_IMAGE_STYLE)]), { space: 'svg' });
}

/** Black on white, for a slide or a handout. */
export const STANDALONE_STYLE = `
text { font-family: 'DejaVu Sans', Arial, Helvetica, sans-serif; fill: #000; }
.fig-node rect { fill: #fff; stroke: #000; stroke-width: 1.3; }
.fig-node-focus rect { stroke-width: 2.6; }
.fig-node text { font-size: ${NODE_FONT}px; }
.fig-label rect { fill: #fff; }
.fig-label text { font-size: ${LABEL_FONT}px; fill: #222; }
.fig-edge { fill: none; stroke: #333; stroke-width: 1.5; }
.fig-edge-inhibits { stroke-dasharray: 6 4; }
.fig-edge-other { stroke-dasharray: 2 3; }
.fig-marker-arrow { fill: #333; }
.fig-marker-bar { stroke: #333; stroke-width: 2.5; }
.fig-band rect { fill: #f2f2f2; stroke: #888; stroke-dasharray: 4 3; }
.fig-band-label { font-size: ${LABEL_FONT}px; font-style: italic; fill: #333; }
.fig-group-heading { font-size: ${LABEL_FONT}px; fill: #000; }
.fig-credit { font-size: 11px; fill: #333; }
.fig-slide-credit { fill: #333; }
.fig-title { font-size: 15px; font-weight: bold; }
.fig-caption { font-size: 13px; }
`;

export interface Credit {
  siteTitle: string;
  figureUrl: string;
  /** The source review without its title, from the bibliography (sourceReview().short). */
  review: string;
  doi: string;
}

/** The credit line of a downloaded figure. */
export const creditLines = (c: Credit) => [`${c.siteTitle} · ${c.figureUrl}`, `Source review: ${c.review}, doi:${c.doi}`];

/** A drawing's elements, black on white with STANDALONE_STYLE and without links, for a slide. */
export const slideElements = (d: Drawing, o: SvgOptions): Element[] => body(d, { ...o, href: undefined });

/** A standalone file: the caption as a title above, the drawing, the credit line below; black on white. */
export function standaloneSvg(d: Drawing, o: SvgOptions & { caption: string; credit: Credit }): string {
  return standaloneFile(d.width, d.height, body(d, { ...o, href: undefined }), o);
}

/**
 * Any drawing's elements as a standalone file: the caption wrapped above, the credit line below, black
 * on white (STANDALONE_STYLE).
 */
export function standaloneFile(width: number, height: number, drawing: Element[], o: { caption: string; description: string; credit: Credit }): string {
  const perLine = Math.max(30, Math.floor((width - 16) / (13 * 0.56)));
  const caption: string[] = [];
  for (const w of o.caption.split(/\s+/)) {
    const last = caption.at(-1);
    if (last !== undefined && `${last} ${w}`.length <= perLine) caption[caption.length - 1] = `${last} ${w}`;
    else caption.push(w);
  }
  const top = 14 + caption.length * 17;
  const credit = creditLines(o.credit);
  const total = top + height + 12 + credit.length * 15;
  return toHtml(
    s(
      'svg',
      { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${total}`, width, height: total },
      [
        s('title', o.caption),
        s('desc', o.description),
        s('style', STANDALONE_STYLE),
        s('rect', { x: 0, y: 0, width, height: total, fill: '#fff' }),
        ...caption.map((line, i) => s('text', { class: 'fig-caption', x: 8, y: 18 + i * 17 }, line)),
        s('g', { transform: `translate(0,${top})` }, drawing),
        ...credit.map((line, i) => s('text', { class: 'fig-credit', x: 8, y: top + height + 14 + i * 15 }, line)),
      ],
    ),
    { space: 'svg' },
  );
}

/** A table figure as a standalone SVG: one block per row, text wrapped, with the credit line. */
export function tableSvg(
  rows: { name: string; cells: { label: string; text: string; background?: boolean }[] }[],
  o: { caption: string; credit: Credit; width?: number },
): string {
  const width = o.width ?? 800;
  const px = 13;
  const lh = px + 5;
  const wrapWidth = width - 200;
  const parts: Element[] = [];
  const perLine = Math.max(20, Math.floor(wrapWidth / (px * 0.56)));
  const wrap = (t: string) => {
    const out: string[] = [];
    for (const w of t.split(/\s+/)) {
      const last = out.at(-1);
      if (last !== undefined && `${last} ${w}`.length <= perLine) out[out.length - 1] = `${last} ${w}`;
      else out.push(w);
    }
    return out;
  };
  const caption = wrap(o.caption);
  let y = 22;
  caption.forEach((line, i) => parts.push(s('text', { class: i ? 'fig-credit' : 'fig-title', x: 8, y: y + i * lh }, line)));
  y += caption.length * lh + 10;
  for (const r of rows) {
    parts.push(s('line', { x1: 8, x2: width - 8, y1: y - px, y2: y - px, stroke: '#888' }));
    parts.push(s('text', { class: 'fig-title', x: 8, y: y + 4 }, r.name));
    y += lh + 4;
    for (const c of r.cells) {
      const lines = wrap(c.text);
      parts.push(s('text', { x: 16, y, 'font-size': 12, 'font-weight': 'bold' }, c.label));
      lines.forEach((line, i) => parts.push(s('text', { x: 190, y: y + i * lh, 'font-size': px, 'font-style': c.background ? 'italic' : 'normal' }, line)));
      y += lines.length * lh;
    }
    y += 10;
  }
  const credit = creditLines(o.credit);
  credit.forEach((line, i) => parts.push(s('text', { class: 'fig-credit', x: 8, y: y + 6 + i * 15 }, line)));
  const height = y + 6 + credit.length * 15;
  return toHtml(
    s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height }, [
      s('title', o.caption),
      s('style', STANDALONE_STYLE),
      s('rect', { x: 0, y: 0, width, height, fill: '#fff' }),
      ...parts,
    ]),
    { space: 'svg' },
  );
}
