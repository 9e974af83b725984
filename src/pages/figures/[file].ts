/**
 * Each teaching figure as files for slides and handouts, with a credit line (site title, the
 * figure's address, the review's DOI):
 * - /figures/<id>.svg and .png: the figure with its caption, 1,600 px wide;
 * - /figures/<id>-slide.svg and -slide.png: a 16:9 slide, 1920 × 1080, labels at least 24 px, no caption.
 * The first PNG asked for starts rendering all of them at once (downloads.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFigureSpecs } from '../../lib/figures/site-figures.ts';
import { downloadPngAsync, downloadSvg, renderPngsAhead, slideSvg, PNG_WIDTH, SLIDE } from '../../lib/figures/downloads.ts';
import { siteBibliography, siteFactors, sourceReview, SITE_TITLE } from '../../lib/site/site-data.ts';
import { withBase } from '../../lib/links/urls.ts';

type Kind = 'figure' | 'slide';
const FILES = [
  ['figure', 'svg', ''],
  ['figure', 'png', ''],
  ['slide', 'svg', '-slide'],
  ['slide', 'png', '-slide'],
] as const;

export const getStaticPaths = (() =>
  siteFigureSpecs().flatMap((spec) => FILES.map(([kind, ext, suffix]) => ({ params: { file: `${spec.id}${suffix}.${ext}` }, props: { id: spec.id, kind, ext } })))) satisfies GetStaticPaths;

function svgOf(id: string, kind: Kind, site: URL | undefined): string {
  const spec = siteFigureSpecs().find((f) => f.id === id);
  if (!spec) throw new Error(`src/pages/figures/[file].ts: no figure "${id}" in content/figures.yaml.`);
  const figureUrl = new URL(withBase(import.meta.env.BASE_URL, `/${spec.chapter}/#${spec.id}`), site ?? 'http://localhost:4321').href;
  const bib = siteBibliography();
  const credit = { siteTitle: SITE_TITLE, figureUrl, review: sourceReview().short, doi: sourceReview().doi };
  const reviewNumber = (k: string) => bib.entries.get(k)?.reviewNumber;
  return kind === 'slide' ? slideSvg(spec, siteFactors(), credit, reviewNumber) : downloadSvg(spec, siteFactors(), credit, reviewNumber);
}

const widthOf = (kind: Kind) => (kind === 'slide' ? SLIDE.width : PNG_WIDTH);

let startedAhead = false;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, kind, ext } = props as { id: string; kind: Kind; ext: 'svg' | 'png' };
  const svg = svgOf(id, kind, site);
  if (ext === 'svg') return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
  if (!startedAhead) {
    startedAhead = true;
    renderPngsAhead(siteFigureSpecs().flatMap((spec) => (['figure', 'slide'] as const).map((k) => ({ svg: svgOf(spec.id, k, site), width: widthOf(k) }))));
  }
  return new Response(new Uint8Array(await downloadPngAsync(svg, widthOf(kind))), { headers: { 'Content-Type': 'image/png' } });
};
