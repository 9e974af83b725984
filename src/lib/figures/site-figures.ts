/**
 * The site's figures, loaded once per process from content/figures.yaml and checked against the
 * atlas, the bibliography and the chapters.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteBibliography, siteFactors } from '../site/site-data.ts';
import { readSiteEnv } from '../site/site-config.ts';
import { loadFigures, type FigureSpec, type GraphFigureSpec } from './figure-spec.ts';
import { graphFigure, type GraphFigure } from './figures.ts';

let specs: FigureSpec[] | undefined;
const built = new Map<string, GraphFigure>();

export const FIGURES_FILE = 'content/figures.yaml';

export function siteFigureSpecs(): FigureSpec[] {
  if (!specs) {
    const env = readSiteEnv(process.env);
    const chapterIds = new Set(readdirSync(resolve(env.CHAPTERS_DIR)).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')));
    specs = loadFigures(resolve(process.env['FIGURES'] ?? FIGURES_FILE), process.env['FIGURES'] ?? FIGURES_FILE, {
      factorIds: new Set(siteFactors().map((f) => f.id)),
      factorNames: new Map(siteFactors().map((f) => [f.id, f.name])),
      citationKeys: new Set(siteBibliography().entries.keys()),
      chapterIds,
    });
  }
  return specs;
}

export function siteFigureSpec(id: string): FigureSpec {
  const spec = siteFigureSpecs().find((f) => f.id === id);
  if (!spec) throw new Error(`No figure "${id}" in ${FIGURES_FILE}. Known figures: ${siteFigureSpecs().map((f) => f.id).join(', ')}.`);
  return spec;
}

export function siteGraphFigure(spec: GraphFigureSpec): GraphFigure {
  let f = built.get(spec.id);
  if (!f) built.set(spec.id, (f = graphFigure(spec, siteFactors())));
  return f;
}
