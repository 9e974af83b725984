/**
 * The files of each figure:
 * - for download: a standalone SVG (black on white, caption above, credit line below), a PNG 1,600 px
 *   wide rendered from it, and a slide (16:9, 1920 × 1080, labels at least 24 px, a one-line credit,
 *   no caption) as SVG and PNG;
 * - for the page: the phone drawing, which only a narrow screen fetches (Figure.astro).
 * PNGs are rendered by resvg in a worker thread, started together at the start of the build, with the site's
 * own font (figure-font.ts), and kept in the build cache under a hash of the SVG, the font, the renderer's version
 * and this file's settings.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { s } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { cacheKey, cachedSync, entryFile } from '../site/build-cache.ts';
import type { Factor } from '../atlas/factors.ts';
import type { FigureLayout, FigureSpec, GraphFigureSpec } from './figure-spec.ts';
import { graphFigure } from './figures.ts';
import { creditLines, pageSvgFile, slideElements, standaloneFile, standaloneSvg, tableSvg, STANDALONE_STYLE, type Credit } from './figure-svg.ts';
import { LABEL_FONT, textWidth, type Drawing } from './layout.ts';
import { FIGURE_FONT, figureFontHash, fontProblem, type FigureSource } from './figure-font.ts';
import { readSiteEnv } from '../site/site-config.ts';
import { layoutNeighbourhood, neighbourGroups, neighbourhoodElements } from './neighbourhood.ts';

export const PNG_WIDTH = 1600;
/** A slide: 16:9 at full HD. */
export const SLIDE = { width: 1920, height: 1080, margin: 40 } as const;
/** The smallest text on a slide, in px at 1920 × 1080. */
export const SLIDE_MIN_TEXT = 24;
/** How much a slide enlarges its drawing: labels (LABEL_FONT) reach SLIDE_MIN_TEXT with a little to spare. */
export const SLIDE_SCALE = (SLIDE_MIN_TEXT + 1) / LABEL_FONT;

/** Where the phone drawing of a figure is served. */
export const phoneDrawingPath = (id: string) => `/figures/phone/${id}.svg`;

/** The phone drawing of a graph figure, as the page draws it, for Figure.astro's phone image. */
export function phoneDrawingSvg(spec: GraphFigureSpec, factors: readonly Factor[], href: (id: string) => string): string {
  const f = graphFigure(spec, factors);
  const groups = Object.fromEntries(Object.entries(spec.groups).map(([k, g]) => [k, g.label]));
  return pageSvgFile(f.narrow, { idPrefix: `${spec.id}-n`, title: `Figure ${spec.number}. ${spec.title}`, description: spec.description, href, className: 'fig-narrow', groups });
}

/** The review's number of a cited key, as the site shows it. */
export type ReviewNumber = (key: string) => number | undefined;

export function downloadSvg(spec: FigureSpec, factors: readonly Factor[], credit: Credit, reviewNumber: ReviewNumber): string {
  const caption = `Figure ${spec.number}. ${spec.caption}`;
  if (spec.kind === 'table') {
    const name = new Map(factors.map((f) => [f.id, f.name]));
    return tableSvg(
      spec.rows.map((r) => ({
        name: name.get(r.factor) ?? r.factor,
        cells: [
          { label: 'What it reflects', text: `${r.reflects} (background, uncited)`, background: true },
          { label: 'Where measured', text: r.measured },
          { label: 'What the review reports', text: r.reports },
          { label: 'References (numbers in the review)', text: r.cites.map((k) => String(reviewNumber(k) ?? k)).join(', ') },
        ],
      })),
      { caption, credit },
    );
  }
  const f = graphFigure(spec, factors);
  const groups = Object.fromEntries(Object.entries(spec.groups).map(([k, g]) => [k, g.label]));
  return standaloneSvg(f.wide, { idPrefix: spec.id, title: spec.title, description: spec.description, caption, credit, groups });
}

/**
 * A factor page's neighbourhood diagram (Figure 1 there) as a file: the drawing at the column's width,
 * black on white, with its caption and the credit line.
 */
export function neighbourhoodDownloadSvg(factor: Factor, factors: readonly Factor[], o: { title: string; description: string; credit: Credit }): string {
  const d = layoutNeighbourhood(factor, neighbourGroups(factor, factors), 576);
  return standaloneFile(d.width, d.height, neighbourhoodElements(d, { idPrefix: 'n', title: o.title, description: o.description }), {
    caption: `Figure 1. ${o.title}, grouped by kind of relation, as the review states them.`,
    description: o.description,
    credit: o.credit,
  });
}

/**
 * A graph figure's wide layout spread over a slide: node centres, bends and label places stretched
 * so that the drawing, enlarged SLIDE_SCALE times, fills the slide above its credit line. Boxes,
 * text and label wrapping keep their size, so labels come out at SLIDE_MIN_TEXT px or more.
 */
export function slideLayout(layout: FigureLayout): FigureLayout {
  const width = Math.floor((SLIDE.width - 2 * SLIDE.margin) / SLIDE_SCALE);
  const height = Math.floor((SLIDE.height - 2 * SLIDE.margin - SLIDE_CREDIT_SPACE) / SLIDE_SCALE);
  const sx = width / layout.width;
  const sy = height / layout.height;
  const map = ([x, y]: [number, number]): [number, number] => [Math.round(x * sx), Math.round(y * sy)];
  const each = <T>(o: Record<string, T>, f: (v: T) => T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
  return {
    ...layout,
    width,
    height,
    at: each(layout.at, map),
    labelAt: each(layout.labelAt, map),
    via: each(layout.via, (points) => points.map(map)),
    // A slide names the signals on its arrows: there is no list of steps beside it.
    labels: 'signals',
  };
}

/** A graph figure's drawing for its slide, and how much the slide enlarges it. */
export function slideDrawing(spec: GraphFigureSpec, factors: readonly Factor[]): { drawing: Drawing; scale: number } {
  const drawing = graphFigure({ ...spec, wide: slideLayout(spec.wide) }, factors).wide;
  const scale = Math.min((SLIDE.width - 2 * SLIDE.margin) / drawing.width, (SLIDE.height - 2 * SLIDE.margin - SLIDE_CREDIT_SPACE) / drawing.height);
  if (scale * LABEL_FONT < SLIDE_MIN_TEXT) throw new Error(`src/lib/figures/downloads.ts: the slide of "${spec.id}" would show labels at ${(scale * LABEL_FONT).toFixed(1)} px, under ${SLIDE_MIN_TEXT} px.`);
  return { drawing, scale };
}

/** Room below a slide's drawing for its credit line. */
const SLIDE_CREDIT_SPACE = 40;

/** The credit of a slide, on one line: as large as fits, never under 16 px. */
export function slideCredit(c: Credit): { text: string; size: number } {
  const text = creditLines(c).join(' · ');
  let size = SLIDE_MIN_TEXT;
  while (size > 16 && textWidth(text, size) > SLIDE.width - 2 * SLIDE.margin) size--;
  return { text, size };
}

/** A figure as a slide: 1920 × 1080, the drawing (or table) as large as it fits, a one-line credit, no caption. */
export function slideSvg(spec: FigureSpec, factors: readonly Factor[], credit: Credit, reviewNumber: ReviewNumber): string {
  const title = `Figure ${spec.number}. ${spec.title}`;
  const { width: W, height: H, margin: M } = SLIDE;
  const areaW = W - 2 * M;
  const areaH = H - 2 * M - SLIDE_CREDIT_SPACE;
  let drawing: Element[];
  if (spec.kind === 'table') {
    const name = new Map(factors.map((f) => [f.id, f.name]));
    drawing = slideTable(spec.rows.map((r) => [name.get(r.factor) ?? r.factor, `${r.reflects} (background, uncited)`, r.measured, r.reports, r.cites.map((k) => String(reviewNumber(k) ?? k)).join(', ')]), areaW, areaH, spec.id);
  } else {
    const { drawing: d, scale } = slideDrawing(spec, factors);
    const groups = Object.fromEntries(Object.entries(spec.groups).map(([k, g]) => [k, g.label]));
    const dx = M + (areaW - d.width * scale) / 2;
    const dy = M + (areaH - d.height * scale) / 2;
    drawing = [s('g', { transform: `translate(${dx.toFixed(1)},${dy.toFixed(1)}) scale(${scale.toFixed(4)})` }, slideElements(d, { idPrefix: `${spec.id}-s`, title, description: spec.description, groups }))];
  }
  const c = slideCredit(credit);
  return toHtml(
    s('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${W} ${H}`, width: W, height: H }, [
      s('title', title),
      s('desc', spec.description),
      s('style', STANDALONE_STYLE),
      s('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }),
      ...drawing,
      s('text', { class: 'fig-slide-credit', x: M, y: H - M, 'font-size': c.size }, c.text),
    ]),
    { space: 'svg' },
  );
}

/** The table figure on a slide: a header row and one row per marker, text wrapped in its column. */
function slideTable(rows: string[][], areaW: number, areaH: number, id: string): Element[] {
  const heads = ['Marker', 'What it reflects', 'Where measured', 'What the review reports', 'Refs.'];
  const share = [0.14, 0.25, 0.13, 0.38, 0.1];
  const size = SLIDE_MIN_TEXT;
  const lh = Math.round(size * 1.25);
  const pad = 10;
  const widths = share.map((f) => Math.floor(areaW * f));
  const xs = widths.map((_, i) => SLIDE.margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const wrap = (t: string, w: number) => {
    const out: string[] = [];
    for (const word of t.split(/\s+/)) {
      const last = out.at(-1);
      if (last !== undefined && textWidth(`${last} ${word}`, size) <= w - 2 * pad) out[out.length - 1] = `${last} ${word}`;
      else out.push(word);
    }
    return out;
  };
  const parts: Element[] = [];
  let y = SLIDE.margin;
  const row = (cells: string[], bold: boolean) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i] ?? 0));
    const height = Math.max(...wrapped.map((l) => l.length)) * lh + 2 * pad;
    parts.push(s('line', { x1: SLIDE.margin, x2: SLIDE.margin + areaW, y1: y, y2: y, stroke: '#888', 'stroke-width': 2 }));
    wrapped.forEach((lines, i) =>
      parts.push(s('text', { x: (xs[i] ?? 0) + pad, 'font-size': size, 'font-weight': bold || i === 0 ? 'bold' : 'normal', 'font-style': i === 1 && !bold ? 'italic' : 'normal' }, lines.map((line, j) => s('tspan', { x: (xs[i] ?? 0) + pad, y: y + pad + size + j * lh }, line)))),
    );
    y += height;
  };
  row(heads, true);
  for (const r of rows) row(r, false);
  if (y > SLIDE.margin + areaH) throw new Error(`src/lib/figures/downloads.ts: the slide of table "${id}" needs ${y - SLIDE.margin} px, more than the ${areaH} px a slide has at ${size} px text.`);
  return parts;
}

/** What a PNG depends on besides its SVG and the font file: the renderer and how it is called (bump when renderOptions change). */
const RENDERER = 'resvg-js 2.6.2; the figure font alone; white background; fit to width';

const renderOptions = (width: number) => ({
  fitTo: { mode: 'width' as const, value: width },
  background: '#ffffff',
  // The site's own cut of DejaVu Sans and nothing else: the same PNGs on every machine, and no scan of the system's fonts.
  font: { loadSystemFonts: false, fontFiles: [resolve(FIGURE_FONT.file)], defaultFontFamily: FIGURE_FONT.family },
});

/** The content files a figure's words come from (captions, factor names, the site's title), to say where a character is written. */
function figureSources(): FigureSource[] {
  const env = readSiteEnv(process.env);
  return [env.FIGURES, env.FACTORS, env.SITE_META].filter((path) => existsSync(path)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/** A PNG's inputs in the build cache: its SVG, its width, the renderer and the font (the cache adds this module's code and what it imports). */
const pngKey = (svg: string, width: number) => cacheKey(RENDERER, figureFontHash(), width, svg);

/**
 * The renders of the whole process, keyed on the SVG, the width and the renderer: the build loads
 * this module more than once (the figure-files integration starts every PNG at the start of the
 * build; the routes that serve them run in the page renderer's copy), and each copy finds the
 * others' renders.
 */
const shared = globalThis as typeof globalThis & { __figurePngs?: Map<string, Promise<Buffer>>; __figurePngWorker?: PngWorker };
const pending = (shared.__figurePngs ??= new Map<string, Promise<Buffer>>());

/**
 * One worker thread renders the PNGs, one after the other: beside the build's main thread, on a
 * core of its own, and off libuv's thread pool, which the build's file reads need. It holds the
 * process open only while it has work.
 */
interface PngWorker {
  render(svg: string, width: number): Promise<Buffer>;
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { Resvg } = require('@resvg/resvg-js');
parentPort.on('message', ({ id, svg, options }) => {
  try {
    parentPort.postMessage({ id, png: new Resvg(svg, options).render().asPng() });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

function pngWorker(): PngWorker {
  if (shared.__figurePngWorker) return shared.__figurePngWorker;
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.unref();
  worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const w = waiting.get(id);
    waiting.delete(id);
    if (!waiting.size) worker.unref();
    if (!w) return;
    if (png) w.resolve(Buffer.from(png));
    else w.reject(new Error(`src/lib/figures/downloads.ts: resvg could not render a figure PNG: ${error}`));
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  shared.__figurePngWorker = {
    render: (svg, width) =>
      new Promise<Buffer>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, svg, options: renderOptions(width) });
      }),
  };
  return shared.__figurePngWorker;
}

/**
 * Starts rendering every PNG a build will ask for, in the worker thread, each unless the build cache
 * has it; downloadPngAsync then waits for its own.
 */
export function renderPngsAhead(jobs: readonly { svg: string; width: number }[]): void {
  for (const { svg, width } of jobs) {
    const key = pngKey(svg, width);
    if (pending.has(key)) continue;
    const render = pngOf(svg, width, key);
    // A failed render fails the route that asks for it (downloadPngAsync), not the process before then.
    render.catch(() => undefined);
    pending.set(key, render);
  }
}

/** One PNG: from the build cache, or checked against the font and drawn in the worker, then stored. */
async function pngOf(svg: string, width: number, key: string): Promise<Buffer> {
  const file = entryFile({ namespace: 'figure-png', inputs: key, code: ['src/lib/figures/downloads.ts'] });
  // A cached PNG passed the font check when it was drawn: its key holds the SVG and the font.
  if (file && existsSync(file)) return Buffer.from(JSON.parse(readFileSync(file, 'utf8')) as string, 'base64');
  const problem = fontProblem(svg, undefined, figureSources);
  if (problem) throw new Error(`src/lib/figures/downloads.ts: ${problem}`);
  const png = await pngWorker().render(svg, width);
  // Stored through the cache's own API (the value is already computed).
  cachedSync({ namespace: 'figure-png', inputs: key, code: ['src/lib/figures/downloads.ts'] }, () => png.toString('base64'));
  return png;
}

/** The PNG of a standalone SVG: the one rendered ahead, or from the cache, or rendered now. */
export async function downloadPngAsync(svg: string, width = PNG_WIDTH): Promise<Buffer> {
  renderPngsAhead([{ svg, width }]);
  return pending.get(pngKey(svg, width)) as Promise<Buffer>;
}

