/**
 * /figures/phone/factors/<id>.svg: a factor page's neighbourhood drawn for phones, as the page draws
 * it (links to the atlas, the statement data on each box, the page's classes and ids) with its own
 * light and dark colours. The factor page shows it only on narrow screens, as a lazy image, so the
 * page carries its drawing once; src/scripts/figure-phone.ts puts it inline.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { factorDiagramOptions, hasNeighbourhood, layoutNeighbourhood, neighbourGroups, neighbourhoodDescription, neighbourhoodSvgFile, neighbourhoodTitle, NEIGHBOURHOOD_FIGURE_ID, PHONE_WIDTH } from '../../../../lib/figures/neighbourhood.ts';
import { siteFactors } from '../../../../lib/site/site-data.ts';
import { withBase } from '../../../../lib/links/urls.ts';

export const getStaticPaths = (() => {
  const factors = siteFactors();
  return factors.filter((f) => hasNeighbourhood(f, factors)).map((f) => ({ params: { file: `${f.id}.svg` }, props: { id: f.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const factors = siteFactors();
  const factor = factors.find((f) => f.id === (props as { id: string }).id);
  if (!factor) throw new Error(`src/pages/figures/phone/factors/[file].ts: no factor "${(props as { id: string }).id}" in the atlas data.`);
  const href = (id: string) => withBase(import.meta.env.BASE_URL, `/factors/${id}/`);
  const options = factorDiagramOptions(factor, { id: NEIGHBOURHOOD_FIGURE_ID, title: neighbourhoodTitle(factor), description: neighbourhoodDescription(factor), href }, true);
  const svg = neighbourhoodSvgFile(layoutNeighbourhood(factor, neighbourGroups(factor, factors), PHONE_WIDTH), options);
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
