/**
 * /figures/phone/<id>.svg: a graph figure's phone drawing, as the page draws it (links to the atlas,
 * the page's classes and ids) with its own light and dark colours. Figure.astro shows it only on
 * narrow screens, so the page carries each drawing once; src/scripts/figure-phone.ts puts it inline.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFigureSpecs } from '../../../lib/figures/site-figures.ts';
import { phoneDrawingSvg } from '../../../lib/figures/downloads.ts';
import { siteFactors } from '../../../lib/site/site-data.ts';
import { withBase } from '../../../lib/links/urls.ts';

export const getStaticPaths = (() =>
  siteFigureSpecs()
    .filter((spec) => spec.kind === 'graph')
    .map((spec) => ({ params: { file: `${spec.id}.svg` }, props: { id: spec.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const spec = siteFigureSpecs().find((f) => f.id === (props as { id: string }).id);
  if (spec?.kind !== 'graph') throw new Error(`src/pages/figures/phone/[file].ts: no graph figure "${(props as { id: string }).id}" in content/figures.yaml.`);
  const svg = phoneDrawingSvg(spec, siteFactors(), (id) => withBase(import.meta.env.BASE_URL, `/factors/${id}/`));
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
