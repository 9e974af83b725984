/**
 * The figure files (src/lib/figures/download-files.ts): the PNGs the build starts with its
 * configuration (src/integrations/figure-files.ts) are the very ones the routes then serve, so none
 * is rendered twice.
 */
import { describe, expect, it } from 'vitest';
import { factorsWithDiagram, figureFileSvg, figureFileWidth, neighbourhoodFileSvg, pngJobs } from '../../src/lib/figures/download-files.ts';
import { siteFigureSpecs } from '../../src/lib/figures/site-figures.ts';
import { PNG_WIDTH } from '../../src/lib/figures/downloads.ts';

describe('the figure PNGs a build starts early', () => {
  it('are exactly the PNGs the routes serve, with the base path and address as the configuration gives them', () => {
    // The configuration's form (a string address, a base without its final slash) against the
    // routes' form (Astro.site as a URL, import.meta.env.BASE_URL with its slash).
    const started = pngJobs({ site: 'https://teach.example.org', base: '/review' });
    const served = [
      ...siteFigureSpecs().flatMap((spec) => (['figure', 'slide'] as const).map((kind) => ({ svg: figureFileSvg(spec.id, kind, { site: new URL('https://teach.example.org'), base: '/review/' }), width: figureFileWidth(kind) }))),
      ...factorsWithDiagram().map((id) => ({ svg: neighbourhoodFileSvg(id, { site: new URL('https://teach.example.org'), base: '/review/' }), width: PNG_WIDTH })),
    ];
    expect(started).toEqual(served);
    expect(started.length).toBeGreaterThan(siteFigureSpecs().length * 2);
  });

  it('credit each file with its own address on the configured host', () => {
    const svg = neighbourhoodFileSvg('pthrp', { site: 'https://teach.example.org', base: '/review/' });
    expect(svg).toContain('https://teach.example.org/review/factors/pthrp/#fig-neighbourhood');
  });
});
