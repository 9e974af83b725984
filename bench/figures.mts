/**
 * Figure measures for `npm run bench` (or `npx node bench/figures.mts` alone): for every teaching
 * figure, wide (content column), narrow (phone) and slide (1920 × 1080, sizes as shown there) layout, and for the factor neighbourhoods of the
 * hubs: drawn width, edges, edge crossings, labels overlapping a label, a box or another line, edges
 * through a box, and the smallest label. Computed by the same code the build draws with.
 */
import { fileURLToPath } from 'node:url';
import { siteFactors } from '../src/lib/site/site-data.ts';
import { siteFigureSpecs, siteGraphFigure } from '../src/lib/figures/site-figures.ts';
import { figureMeasures } from '../src/lib/figures/figures.ts';
import { layoutNeighbourhood, measureNeighbourhood, neighbourGroups } from '../src/lib/figures/neighbourhood.ts';
import { measureDrawing, type DrawingMeasures } from '../src/lib/figures/layout.ts';
import { slideDrawing } from '../src/lib/figures/downloads.ts';

const HUBS = ['tumour-cell', 'osteoclast', 'rankl'];

function line(name: string, layout: string, m: DrawingMeasures): string {
  return `| ${name.padEnd(34)} | ${layout.padEnd(6)} | ${`${m.width} px`.padStart(7)} | ${String(m.edges).padStart(5)} | ${String(m.crossings).padStart(9)} | ${String(m.overlaps.length + m.throughNodes.length).padStart(8)} | ${`${m.smallestText} px`.padStart(8)} |`;
}

export function figureBenchLines(): string[] {
  const out = [
    '## Figures (layout as built; width is the drawn width in CSS px at 100% zoom)\n',
    '| figure                             | layout |   width | edges | crossings | overlaps | smallest |',
    '|------------------------------------|--------|--------:|------:|----------:|---------:|---------:|',
  ];
  for (const spec of siteFigureSpecs()) {
    if (spec.kind !== 'graph') {
      out.push(`| ${`#${spec.id}`.padEnd(34)} | table  |       – |     – |         – |        – |        – |`);
      continue;
    }
    const m = figureMeasures(siteGraphFigure(spec));
    // The slide's drawing, its sizes as shown on a 1920 × 1080 slide.
    const slide = slideDrawing(spec, siteFactors());
    const sm = measureDrawing(slide.drawing);
    out.push(
      line(`#${spec.id}`, 'wide', m.wide),
      line(`#${spec.id}`, 'narrow', m.narrow),
      line(`#${spec.id}`, 'slide', { ...sm, width: Math.round(sm.width * slide.scale), smallestText: Math.round(sm.smallestText * slide.scale * 10) / 10 }),
    );
  }
  const factors = siteFactors();
  for (const id of HUBS) {
    const f = factors.find((x) => x.id === id);
    if (!f) continue;
    const groups = neighbourGroups(f, factors);
    out.push(line(`/factors/${id}/ neighbourhood`, 'wide', measureNeighbourhood(layoutNeighbourhood(f, groups, 576))));
    out.push(line(`/factors/${id}/ neighbourhood`, 'narrow', measureNeighbourhood(layoutNeighbourhood(f, groups, 356))));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${figureBenchLines().join('\n')}\n`);
