/**
 * Draws a cross-talk graph as a static SVG at build time, laid out by elkjs (layered algorithm).
 * Every node links to its factor page; stimulating edges are solid with an arrow, inhibiting edges
 * dashed with a bar, other relations dotted, so the kinds differ without colour. Colours come from
 * the site's CSS custom properties, so the diagram follows the light, dark and print themes.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { cacheKey, cached } from '../site/build-cache.ts';
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { Graph, GraphEdge } from './crosstalk-graph.ts';

export interface DiagramOptions {
  /** Prefix for ids inside the SVG, unique on the page. */
  idPrefix: string;
  title: string;
  description: string;
  href: (id: string) => string;
  /** Layout direction. */
  direction?: 'RIGHT' | 'DOWN';
  /** Node to draw emphasised (the factor of a neighbourhood). */
  focus?: string;
}

const NODE_HEIGHT = 34;
const LABEL_LINE = 14;
const textWidth = (text: string, px: number) => Math.ceil(text.length * px * 0.58) + 8;

/** Breaks a label such as "TNF-α, prostaglandins, PTH, PTHrP" into lines of about `max` characters. */
export function wrapLabel(label: string, max = 22): string[] {
  const lines: string[] = [];
  for (const part of label.split(/(?<=,)\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${part}`.length <= max) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(part);
  }
  return lines.filter(Boolean);
}

export interface LaidOutDiagram {
  svg: string;
  width: number;
  height: number;
}

/** One layout engine for the whole build, loaded only when a layout is not in the build cache. */
let engine: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | undefined;

/** Layouts are deterministic: each is kept in the build cache under a hash of its input. */
function layoutOf(input: ElkNode): Promise<ElkNode> {
  return cached('layouts', cacheKey('elkjs-0.12.1', input), async () => {
    engine ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
    return (await engine).layout(input);
  });
}

export async function drawDiagram(graph: Graph, options: DiagramOptions): Promise<LaidOutDiagram> {
  const input: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': options.direction ?? 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.edgeLabels.sideSelection': 'ALWAYS_UP',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: textWidth(n.label, 14) + 18, height: NODE_HEIGHT })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      labels: e.label
        ? [{ id: `${e.id}-label`, text: e.label, width: Math.max(...wrapLabel(e.label).map((l) => textWidth(l, 12))), height: wrapLabel(e.label).length * LABEL_LINE + 4 }]
        : [],
    })),
  };
  const layout = await layoutOf(input);

  const p = options.idPrefix;
  const byEdge = new Map(graph.edges.map((e) => [e.id, e]));
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const width = Math.ceil(layout.width ?? 0);
  const height = Math.ceil(layout.height ?? 0);

  // Orthogonal routing: straight segments through the bend points.
  const edgePath = (edge: ElkExtendedEdge): string => {
    const section = edge.sections?.[0];
    if (!section) return '';
    const pts = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    return pts.map((q, i) => `${i ? 'L' : 'M'}${q.x},${q.y}`).join(' ');
  };

  const edgeElements: Element[] = [];
  const labelElements: Element[] = [];
  for (const e of layout.edges ?? []) {
    const data = byEdge.get(e.id) as GraphEdge;
    const marker = data.effect === 'inhibits' ? `${p}-bar` : `${p}-arrow`;
    edgeElements.push(
      s('path', { class: `edge edge-${data.effect}`, d: edgePath(e), 'marker-end': `url(#${marker})` }, [
        s('title', `${labelOf.get(data.source)} ${data.effect === 'other' ? '→' : data.effect} ${labelOf.get(data.target)}${data.label ? `: ${data.label}` : ''}`),
      ]),
    );
    const label = e.labels?.[0];
    if (label) {
      labelElements.push(
        s('g', { class: 'edge-label', transform: `translate(${label.x ?? 0},${label.y ?? 0})` }, [
          s('rect', { width: label.width, height: label.height, rx: 3 }),
          s('text', { 'text-anchor': 'middle' }, wrapLabel(data.label).map((line, i) => s('tspan', { x: (label.width ?? 0) / 2, y: 13 + i * LABEL_LINE }, line))),
        ]),
      );
    }
  }

  const nodeElements: Element[] = (layout.children ?? []).map((n: ElkNode) =>
    s('a', { href: options.href(n.id), class: n.id === options.focus ? 'node node-focus' : 'node' }, [
      s('rect', { x: n.x, y: n.y, width: n.width, height: n.height, rx: 6 }),
      s('text', { x: (n.x ?? 0) + (n.width ?? 0) / 2, y: (n.y ?? 0) + NODE_HEIGHT / 2 + 5, 'text-anchor': 'middle' }, labelOf.get(n.id) ?? n.id),
    ]),
  );

  const svg = s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      class: 'crosstalk',
      role: 'group',
      'aria-labelledby': `${p}-title ${p}-desc`,
    },
    [
      s('title', { id: `${p}-title` }, options.title),
      s('desc', { id: `${p}-desc` }, options.description),
      s('defs', [
        s('marker', { id: `${p}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
          s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'marker-arrow' }),
        ]),
        s('marker', { id: `${p}-bar`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' }, [
          s('path', { d: 'M9,0 L9,10', class: 'marker-bar' }),
        ]),
      ]),
      s('g', { class: 'edges' }, edgeElements),
      s('g', { class: 'edge-labels' }, labelElements),
      s('g', { class: 'nodes' }, nodeElements),
    ],
  );
  return { svg: toHtml(svg, { space: 'svg' }), width, height };
}

/** The diagram as sentences, for screen readers and for readers who prefer text. */
export function diagramAsText(graph: Graph): { source: string; target: string; label: string; effect: string }[] {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((e) => ({ source: labelOf.get(e.source) ?? e.source, target: labelOf.get(e.target) ?? e.target, label: e.label, effect: e.effect }));
}
