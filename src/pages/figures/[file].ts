/**
 * /figures/<id>.svg and /figures/<id>.png: each teaching figure as a file for slides and handouts,
 * with a credit line (site title, the figure's address, the review's DOI).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFigureSpecs } from '../../lib/figures/site-figures.ts';
import { downloadPng, downloadSvg } from '../../lib/figures/downloads.ts';
import { siteBibliography, siteFactors, sourceReview, SITE_TITLE } from '../../lib/site/site-data.ts';
import { withBase } from '../../lib/links/urls.ts';

export const getStaticPaths = (() =>
  siteFigureSpecs().flatMap((spec) => (['svg', 'png'] as const).map((ext) => ({ params: { file: `${spec.id}.${ext}` }, props: { id: spec.id, ext } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { id, ext } = props as { id: string; ext: 'svg' | 'png' };
  const spec = siteFigureSpecs().find((f) => f.id === id);
  if (!spec) throw new Error(`No figure "${id}"`);
  const figureUrl = new URL(withBase(import.meta.env.BASE_URL, `/${spec.chapter}/#${spec.id}`), site ?? 'http://localhost:4321').href;
  const bib = siteBibliography();
  const svg = downloadSvg(spec, siteFactors(), { siteTitle: SITE_TITLE, figureUrl, review: sourceReview().short, doi: sourceReview().doi }, (k) => bib.entries.get(k)?.reviewNumber);
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  return new Response(new Uint8Array(downloadPng(svg)), { headers: { 'Content-Type': 'image/png' } });
};
