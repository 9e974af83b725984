/**
 * /figures/factors/<id>.svg and .png: a factor page's neighbourhood diagram as a file for slides and
 * handouts, black on white, with a credit line (site title, the figure's address, the review's DOI).
 * Factors with no relation the review states have no diagram, and so no file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadPngAsync, neighbourhoodDownloadSvg, renderPngsAhead, PNG_WIDTH } from '../../../lib/figures/downloads.ts';
import { neighbourhoodTitle, neighbourhoodDescription, hasNeighbourhood } from '../../../lib/figures/neighbourhood.ts';
import { siteFactors, sourceReview, SITE_TITLE } from '../../../lib/site/site-data.ts';
import { withBase } from '../../../lib/links/urls.ts';

export const getStaticPaths = (() => {
  const factors = siteFactors();
  return factors
    .filter((f) => hasNeighbourhood(f, factors))
    .flatMap((f) => (['svg', 'png'] as const).map((ext) => ({ params: { file: `${f.id}.${ext}` }, props: { id: f.id, ext } })));
}) satisfies GetStaticPaths;

function svgOf(id: string, site: URL | undefined): string {
  const factors = siteFactors();
  const factor = factors.find((f) => f.id === id);
  if (!factor) throw new Error(`src/pages/figures/factors/[file].ts: no factor "${id}" in the atlas data.`);
  const figureUrl = new URL(withBase(import.meta.env.BASE_URL, `/factors/${id}/#fig-neighbourhood`), site ?? 'http://localhost:4321').href;
  return neighbourhoodDownloadSvg(factor, factors, {
    title: neighbourhoodTitle(factor),
    description: neighbourhoodDescription(factor),
    credit: { siteTitle: SITE_TITLE, figureUrl, review: sourceReview().short, doi: sourceReview().doi },
  });
}

let startedAhead = false;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, ext } = props as { id: string; ext: 'svg' | 'png' };
  const svg = svgOf(id, site);
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  // The first PNG starts all of them, in parallel (downloads.ts); the later ones find theirs started.
  if (!startedAhead) {
    startedAhead = true;
    const factors = siteFactors();
    renderPngsAhead(factors.filter((f) => hasNeighbourhood(f, factors)).map((f) => ({ svg: svgOf(f.id, site), width: PNG_WIDTH })));
  }
  return new Response(new Uint8Array(await downloadPngAsync(svg)), { headers: { 'Content-Type': 'image/png' } });
};
