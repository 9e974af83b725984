/**
 * /figures/factors/<id>.svg and .png: a factor page's neighbourhood diagram as a file for slides and
 * handouts, black on white, with a credit line (site title, the figure's address, the review's DOI).
 * Factors with no relation the review states have no diagram, and so no file. The PNGs are started
 * at the start of the build (src/integrations/figure-files.ts); each route waits for its own.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadPngAsync, PNG_WIDTH } from '../../../lib/figures/downloads.ts';
import { factorsWithDiagram, neighbourhoodFileSvg } from '../../../lib/figures/download-files.ts';

export const getStaticPaths = (() =>
  factorsWithDiagram().flatMap((id) => (['svg', 'png'] as const).map((ext) => ({ params: { file: `${id}.${ext}` }, props: { id, ext } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, ext } = props as { id: string; ext: 'svg' | 'png' };
  const svg = neighbourhoodFileSvg(id, { site, base: import.meta.env.BASE_URL });
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(await downloadPngAsync(svg, PNG_WIDTH)), { headers: { 'Content-Type': 'image/png' } });
};
