/**
 * Each teaching figure as files for slides and handouts, with a credit line (site title, the
 * figure's address, the review's DOI):
 * - /figures/<id>.svg and .png: the figure with its caption, 1,600 px wide;
 * - /figures/<id>-slide.svg and -slide.png: a 16:9 slide, 1920 × 1080, labels at least 24 px, no caption.
 * The PNGs are started at the start of the build (src/integrations/figure-files.ts); each route
 * waits for its own (downloads.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFigureSpecs } from '../../lib/figures/site-figures.ts';
import { downloadPngAsync } from '../../lib/figures/downloads.ts';
import { figureFileSvg, figureFileWidth, type FigureFileKind } from '../../lib/figures/download-files.ts';

const FILES = [
  ['figure', 'svg', ''],
  ['figure', 'png', ''],
  ['slide', 'svg', '-slide'],
  ['slide', 'png', '-slide'],
] as const;

export const getStaticPaths = (() =>
  siteFigureSpecs().flatMap((spec) => FILES.map(([kind, ext, suffix]) => ({ params: { file: `${spec.id}${suffix}.${ext}` }, props: { id: spec.id, kind, ext } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, kind, ext } = props as { id: string; kind: FigureFileKind; ext: 'svg' | 'png' };
  const svg = figureFileSvg(id, kind, { site, base: import.meta.env.BASE_URL });
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(await downloadPngAsync(svg, figureFileWidth(kind))), { headers: { 'Content-Type': 'image/png' } });
};
