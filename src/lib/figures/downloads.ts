/**
 * The downloadable files of each figure: a standalone SVG (black on white, caption above, credit line
 * below) and a PNG 1,600 px wide rendered from it by resvg at build time.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { cacheKey, cachedSync } from '../site/build-cache.ts';
import type { Factor } from '../atlas/factors.ts';
import type { FigureSpec } from './figure-spec.ts';
import { graphFigure } from './figures.ts';
import { standaloneFile, standaloneSvg, tableSvg, type Credit } from './figure-svg.ts';
import { layoutNeighbourhood, neighbourGroups, neighbourhoodElements } from './neighbourhood.ts';

export const PNG_WIDTH = 1600;

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

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** The PNG of a standalone SVG, kept in the build cache (as base64) under a hash of the SVG. */
export function downloadPng(svg: string): Buffer {
  return Buffer.from(cachedSync({ namespace: 'figure-png', inputs: cacheKey(PNG_WIDTH, svg), code: ['src/lib/figures/downloads.ts'] }, () => renderPng(svg).toString('base64')), 'base64');
}

function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: PNG_WIDTH },
    background: '#ffffff',
    // The DejaVu file alone when it is there (scanning every system font is slow); the system's fonts otherwise.
    font: existsSync(FONT) ? { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: 'DejaVu Sans' } : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
