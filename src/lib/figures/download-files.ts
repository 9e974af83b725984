/**
 * The figure files a build serves for slides and handouts, as SVG text, and the list of every PNG
 * rendered from them: one definition for the routes that serve them (src/pages/figures/) and for the
 * figure-files integration, which starts the PNGs at the start of the build so that they render on
 * the thread pool while Astro bundles the site.
 */
import { siteFigureSpecs } from './site-figures.ts';
import { downloadSvg, neighbourhoodDownloadSvg, slideSvg, PNG_WIDTH, SLIDE } from './downloads.ts';
import { hasNeighbourhood, neighbourhoodDescription, neighbourhoodTitle, NEIGHBOURHOOD_FIGURE_ID } from './neighbourhood.ts';
import { siteBibliography, siteFactors, sourceReview, SITE_TITLE } from '../site/site-data.ts';
import { withBase } from '../links/urls.ts';

/** Where the site is served: its address (SITE_URL) and base path. */
export interface SiteAddress {
  site: URL | string | undefined;
  base: string;
}

export type FigureFileKind = 'figure' | 'slide';

const absolute = (where: SiteAddress, path: string) => new URL(withBase(where.base, path), where.site ?? 'http://localhost:4321').href;

const credit = (figureUrl: string) => ({ siteTitle: SITE_TITLE, figureUrl, review: sourceReview().short, doi: sourceReview().doi });

/** /figures/<id>.svg or /figures/<id>-slide.svg: a teaching figure with its credit line. */
export function figureFileSvg(id: string, kind: FigureFileKind, where: SiteAddress): string {
  const spec = siteFigureSpecs().find((f) => f.id === id);
  if (!spec) throw new Error(`src/lib/figures/download-files.ts: no figure "${id}" in content/figures.yaml.`);
  const bib = siteBibliography();
  const reviewNumber = (k: string) => bib.entries.get(k)?.reviewNumber;
  const c = credit(absolute(where, `/${spec.chapter}/#${spec.id}`));
  return kind === 'slide' ? slideSvg(spec, siteFactors(), c, reviewNumber) : downloadSvg(spec, siteFactors(), c, reviewNumber);
}

export const figureFileWidth = (kind: FigureFileKind) => (kind === 'slide' ? SLIDE.width : PNG_WIDTH);

/** The factors whose page has a neighbourhood diagram, and so a file of it. */
export function factorsWithDiagram(): string[] {
  const factors = siteFactors();
  return factors.filter((f) => hasNeighbourhood(f, factors)).map((f) => f.id);
}

/** /figures/factors/<id>.svg: a factor page's neighbourhood diagram with its credit line. */
export function neighbourhoodFileSvg(id: string, where: SiteAddress): string {
  const factors = siteFactors();
  const factor = factors.find((f) => f.id === id);
  if (!factor) throw new Error(`src/lib/figures/download-files.ts: no factor "${id}" in the atlas data.`);
  return neighbourhoodDownloadSvg(factor, factors, {
    title: neighbourhoodTitle(factor),
    description: neighbourhoodDescription(factor),
    credit: credit(absolute(where, `/factors/${id}/#${NEIGHBOURHOOD_FIGURE_ID}`)),
  });
}

/** Every PNG the build serves: each figure and its slide, and each factor's diagram. */
export function pngJobs(where: SiteAddress): { svg: string; width: number }[] {
  return [
    ...siteFigureSpecs().flatMap((spec) => (['figure', 'slide'] as const).map((kind) => ({ svg: figureFileSvg(spec.id, kind, where), width: figureFileWidth(kind) }))),
    ...factorsWithDiagram().map((id) => ({ svg: neighbourhoodFileSvg(id, where), width: PNG_WIDTH })),
  ];
}
