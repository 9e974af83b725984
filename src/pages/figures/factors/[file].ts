/**
 * /figures/factors/<id>.svg and .png: a factor page's neighbourhood diagram as a file for slides and
 * handouts, black on white, with a credit line (site title, the figure's address, the review's DOI).
 * Factors with no relation the review states have no diagram, and so no file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadPng, neighbourhoodDownloadSvg } from '../../../lib/figures/downloads.ts';
import { neighbourhoodTitle, neighbourhoodDescription, hasNeighbourhood } from '../../../lib/figures/neighbourhood.ts';
import { siteFactors, sourceReview, SITE_TITLE } from '../../../lib/site/site-data.ts';
import { withBase } from '../../../lib/links/urls.ts';

export const getStaticPaths = (() => {
  const factors = siteFactors();
  return factors
    .filter((f) => hasNeighbourhood(f, factors))
    .flatMap((f) => (['svg', 'png'] as const).map((ext) => ({ params: { file: `${f.id}.${ext}` }, props: { id: f.id, ext } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { id, ext } = props as { id: string; ext: 'svg' | 'png' };
  const factors = siteFactors();
  const factor = factors.find((f) => f.id === id);
  if (!factor) throw new Error(`src/pages/figures/factors/[file].ts: no factor "${id}" in the atlas data.`);
  const figureUrl = new URL(withBase(import.meta.env.BASE_URL, `/factors/${id}/#fig-neighbourhood`), site ?? 'http://localhost:4321').href;
  const svg = neighbourhoodDownloadSvg(factor, factors, {
    title: neighbourhoodTitle(factor),
    description: neighbourhoodDescription(factor),
    credit: { siteTitle: SITE_TITLE, figureUrl, review: sourceReview().short, doi: sourceReview().doi },
  });
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(downloadPng(svg)), { headers: { 'Content-Type': 'image/png' } });
};
