/**
 * The site's figures, loaded once per process from content/figures.yaml and checked against the
 * atlas, the bibliography and the chapters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { siteBibliography, siteFactors } from '../site/site-data.ts';
import { readSiteEnv } from '../site/site-config.ts';
import { readChapterSources } from '../atlas/factors.ts';
import { readYaml } from '../site/yaml-source.ts';
import { citedSegments } from '../atlas/relation-evidence.ts';
import { loadFigures, type FigureSpec, type GraphFigureSpec } from './figure-spec.ts';
import { graphFigure, type GraphFigure } from './figures.ts';
import { unprovenEdges, unprovenMessage } from './cell-graph.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

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

/**
 * A figure's drawing and lists, once its every arrow and list line is proven: a chapter passage that
 * cites each key of the statement names its source, its target and each signal it passes through.
 * Otherwise the build stops, naming the figure, the arrow, the line of the statement and the key.
 */
export function siteGraphFigure(spec: GraphFigureSpec): GraphFigure {
  let f = built.get(spec.id);
  if (!f) {
    const factors = siteFactors();
    f = graphFigure(spec, factors);
    const env = readSiteEnv(process.env);
    const segments = readChapterSources(resolve(env.CHAPTERS_DIR)).flatMap((c) => citedSegments(c.id, c.source));
    const edges = [...f.drawn, ...f.notDrawn];
    // The proof reads every chapter: a figure proven on the same statements and chapters (and by the
    // same code) is not proven again. Only a pass is kept; a failure is worked out afresh to name it.
    const proven = cachedSync({ namespace: 'figure-proof', inputs: cacheKey(spec, edges, factors, segments), code: ['src/lib/figures/site-figures.ts'] }, () => unprovenEdges(edges, factors, segments).length === 0);
    const unproven = proven ? [] : unprovenEdges(edges, factors, segments);
    if (unproven.length) {
      const source = readYaml(readFileSync(resolve(env.FACTORS), 'utf8'), env.FACTORS);
      const drawn = new Set(f.drawn);
      throw new Error(
        unproven
          .map((u) =>
            unprovenMessage(u, {
              figuresFile: FIGURES_FILE,
              figureId: spec.id,
              drawn: drawn.has(u.edge),
              factorsFile: env.FACTORS,
              line: source.position([u.edge.factorIndex, 'relations', u.edge.relationIndex])?.line,
            }),
          )
          .join('\n'),
      );
    }
    built.set(spec.id, f);
  }
  return f;
}

const drawings = new WeakMap<GraphFigure, Map<string, string>>();

/**
 * A figure's inline drawing, drawn once per figure and base path: the chapter page and every page
 * that embeds the chapter show the same SVG (it depends on the figure and the links' base alone).
 */
export function drawingOnce(graph: GraphFigure, base: string, draw: () => string): string {
  const byBase = drawings.get(graph) ?? new Map<string, string>();
  drawings.set(graph, byBase);
  const known = byBase.get(base);
  if (known !== undefined) return known;
  const svg = draw();
  byBase.set(base, svg);
  return svg;
}
