/**
 * The figures' pure logic: geometry (crossings, overlaps), one edge per ordered pair from the atlas
 * relations, the figure data file and its errors, label placement, citation resolution, the hub
 * neighbourhood layout, and the site's own figures measured as the build draws them.
 */
import { graphFigureYaml } from '../helpers/figure-yaml.ts';
import { describe, expect, it } from 'vitest';
import type { Factor, FactorRelation } from '../../src/lib/atlas/factors.ts';
import { citedSegments } from '../../src/lib/atlas/relation-evidence.ts';
import { countCrossings, pathPoints, polylineHitsRect, rectsOverlap, segmentsCross } from '../../src/lib/figures/geometry.ts';
import { cellGraph, edgeLabel, edgeSentence, statementAttributes, unprovenEdges, unprovenMessage } from '../../src/lib/figures/cell-graph.ts';
import { parseFigures, FigureDataError } from '../../src/lib/figures/figure-spec.ts';
import { layoutFigure, measureDrawing } from '../../src/lib/figures/layout.ts';
import { citationLinks, firstCitationOrder } from '../../src/lib/figures/figure-citations.ts';
import { flowsOut, layoutNeighbourhood, measureNeighbourhood, neighbourGroups } from '../../src/lib/figures/neighbourhood.ts';
import { siteFigureSpecs, siteGraphFigure } from '../../src/lib/figures/site-figures.ts';
import { figureMeasures, graphFigure } from '../../src/lib/figures/figures.ts';
import { siteBibliography, siteFactors, sourceReview } from '../../src/lib/site/site-data.ts';
import { standaloneSvg } from '../../src/lib/figures/figure-svg.ts';

const f = (id: string, name: string, extra: Partial<Factor> = {}): Factor => ({ id, name, kind: 'cytokine', aliases: [], summary: 'x'.repeat(40), relations: [], ...extra });

describe('geometry', () => {
  it('two crossing segments count once; touching ends and parallel lines do not count', () => {
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(true);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 0 }, { x: 20, y: 5 })).toBe(false);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 10, y: 5 })).toBe(false);
    const x = [{ x: 0, y: 0 }, { x: 10, y: 10 }];
    const y = [{ x: 0, y: 10 }, { x: 10, y: 0 }];
    const z = [{ x: 5, y: -5 }, { x: 5, y: 15 }];
    expect(countCrossings([x, y, z])).toBe(3);
  });

  it('reads the points of an SVG path of M and L commands', () => {
    expect(pathPoints('M1.5,2 L3,4 L-5,6')).toEqual([{ x: 1.5, y: 2 }, { x: 3, y: 4 }, { x: -5, y: 6 }]);
  });

  it('boxes overlap only when they share area; a line through a box is found', () => {
    expect(rectsOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(rectsOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(polylineHitsRect([{ x: -5, y: 5 }, { x: 15, y: 5 }], { x: 0, y: 0, width: 10, height: 10 })).toBe(true);
    expect(polylineHitsRect([{ x: -5, y: 15 }, { x: 15, y: 15 }], { x: 0, y: 0, width: 10, height: 10 })).toBe(false);
  });
});

describe('a figure draws only stated relations, never composed ones', () => {
  const rel = (type: FactorRelation['type'], target: string, cites: string[], extra: Partial<FactorRelation> = {}): FactorRelation => ({ type, target, cites, evidence: ['not-stated'], cancer: ['cancer'], ...extra });
  const factors: Factor[] = [
    f('tumour-cell', 'cancer cell', { kind: 'cell', aliases: ['cancer cells', 'tumour cells'], relations: [rel('stimulates', 'osteoblast', ['k1'], { via: ['pthrp', 'pth'], note: 'raise their RANKL' })] }),
    f('osteoblast', 'osteoblast', { kind: 'cell', aliases: ['osteoblasts'] }),
    f('osteoclast', 'osteoclast', { kind: 'cell', aliases: ['osteoclasts'], relations: [rel('degrades', 'bone-matrix', ['k3'])] }),
    f('bone-matrix', 'bone matrix', { kind: 'tissue' }),
    // "PTHrP is produced by cancer cells" and "PTHrP stimulates osteoclasts": two statements that must not make an arrow.
    f('pthrp', 'PTHrP', { kind: 'hormone', relations: [rel('produced-by', 'tumour-cell', ['k1']), rel('stimulates', 'osteoclast', ['k2'])] }),
    f('pth', 'PTH', { kind: 'hormone' }),
    f('tnf-alpha', 'TNF-α', { aliases: ['TNF'] }),
  ];
  const places = ['tumour-cell', 'osteoblast', 'osteoclast', 'bone-matrix'];

  it('an arrow exists only for a relation between two places; produced-by plus stimulates makes none', () => {
    const g = cellGraph(factors, places);
    expect(g.edges.map((e) => e.id)).toEqual(['tumour-cell>osteoblast', 'osteoclast>bone-matrix']);
    expect(g.edges.some((e) => e.id === 'tumour-cell>osteoclast')).toBe(false);
  });

  it('an arrow carries its own signals, keys and evidence, and reads as one sentence', () => {
    const [e, other] = cellGraph(factors, places).edges;
    const byId = new Map(factors.map((x) => [x.id, x]));
    expect(e?.via).toEqual(['pthrp', 'pth']);
    expect(e?.cites).toEqual(['k1']);
    expect(edgeLabel(e!, (id) => byId.get(id)!.name)).toEqual(['PTHrP, PTH']);
    expect(edgeSentence(e!, (id) => byId.get(id)!)).toBe('Cancer cells stimulate osteoblasts through PTHrP and PTH (raise their RANKL)');
    expect(statementAttributes(e!)).toMatchObject({ 'data-from': 'tumour-cell', 'data-to': 'osteoblast', 'data-via': 'pthrp pth', 'data-cites': 'k1', 'data-evidence': 'not-stated', 'data-cancer': 'cancer' });
    expect(edgeLabel(other!, (id) => byId.get(id)!.name)).toEqual(['breaks down']);
  });

  it('a node that is not in the atlas is an error naming it', () => {
    expect(() => cellGraph(factors, ['tumour-cell', 'no-such-cell'])).toThrow(/"no-such-cell" is not a factor id/);
  });

  const chapter = `---
title: x
---

## Loop {/* #loop */}

Cancer cells secrete PTHrP and PTH, which raise RANKL on osteoblasts [@k1].

T cells release TNF-α that favours osteoclasts [@k2].
`;
  const segments = citedSegments('loop', chapter);

  it('an arrow whose passage names its source, signals and target is proven', () => {
    expect(unprovenEdges(cellGraph(factors, places).edges.filter((e) => e.id === 'tumour-cell>osteoblast'), factors, segments)).toEqual([]);
  });

  it('a composed arrow fails: cancer cells → osteoclasts through TNF-α, citing a passage that names no osteoclast', () => {
    const composed = factors.map((x) => (x.id === 'tumour-cell' ? { ...x, relations: [...x.relations, rel('stimulates', 'osteoclast', ['k1'], { via: ['tnf-alpha'] })] } : x));
    const edges = cellGraph(composed, places).edges.filter((e) => e.id === 'tumour-cell>osteoclast');
    const [u] = unprovenEdges(edges, composed, segments);
    expect(u?.key).toBe('k1');
    expect(u?.missing).toEqual(['osteoclast', 'tnf-alpha']);
    expect(unprovenMessage(u!, { figuresFile: 'content/figures.yaml', figureId: 'fig-t', drawn: true, factorsFile: 'content/factors.yaml', line: 12 })).toBe(
      'content/figures.yaml: figure "fig-t", arrow tumour-cell>osteoclast through tnf-alpha (content/factors.yaml:12) cites "k1", but no chapter passage citing it names osteoclast, tnf-alpha. ' +
        'A figure draws only what one passage states: fix the relation in content/factors.yaml or leave the pair out of the figure.',
    );
  });

  it('a figure draws the first stated relation of a pair and lists the others', () => {
    const twice = factors.map((x) => (x.id === 'osteoclast' ? { ...x, relations: [...x.relations, rel('degrades', 'bone-matrix', ['k2'])] } : x));
    const spec = { id: 'fig-t', number: 1, chapter: 'c', title: 'A test', caption: 'x'.repeat(20), description: 'x'.repeat(20), kind: 'graph' as const, nodes: places, groups: {}, names: {}, steps: [],
      wide: { width: 500, height: 400, labelWrap: 150, labels: 'signals' as const, at: { 'tumour-cell': [50, 50], osteoblast: [400, 50], osteoclast: [400, 300], 'bone-matrix': [50, 300] } as Record<string, [number, number]>, wrap: {}, labelAt: {}, via: {} },
      narrow: { width: 300, height: 500, labelWrap: 120, labels: 'signals' as const, at: { 'tumour-cell': [50, 50], osteoblast: [250, 50], osteoclast: [250, 400], 'bone-matrix': [50, 400] } as Record<string, [number, number]>, wrap: {}, labelAt: {}, via: {} } };
    const fig = graphFigure(spec, twice);
    expect(fig.drawn.map((e) => `${e.id} ${e.cites}`)).toEqual(['tumour-cell>osteoblast k1', 'osteoclast>bone-matrix k3']);
    expect(fig.notDrawn.map((e) => `${e.id} ${e.cites}`)).toEqual(['osteoclast>bone-matrix k2']);
  });
});

describe('the figure data file', () => {
  const check = { factorIds: new Set(['a', 'b']), citationKeys: new Set(['k1']), chapterIds: new Set(['ch']) };
  const figure = (extra: string) => graphFigureYaml({ extra });

  it('a node with no position names the file, the line, the figure and what to add', () => {
    const text = figure('').replace('narrow: { width: 356, height: 100, at: { a: [50, 50], b: [300, 50] } }', 'narrow: { width: 356, height: 100, at: { a: [50, 50] } }');
    expect(() => parseFigures(text, 'content/figures.yaml', check)).toThrow(/content\/figures\.yaml:10:42: figure "fig-x".*node "b" has no position in the narrow layout/);
  });

  it('a step citing an unknown key, or a node missing from the atlas, is an error naming it', () => {
    expect(() => parseFigures(figure('  steps: [{ pairs: [a>b], text: "A sentence of twenty letters.", cites: [nope] }]'), 'f.yaml', check)).toThrow(/cites "nope", which is not in the bibliography/);
    expect(() => parseFigures(figure('').replace('nodes: [a, b]', 'nodes: [a, c]'), 'f.yaml', check)).toThrow(FigureDataError);
  });

  it('a figure id must start with fig-', () => {
    expect(() => parseFigures(figure('').replace('id: fig-x', 'id: x'), 'f.yaml', check)).toThrow(/starts with "fig-"/);
  });
});

describe('label placement', () => {
  it('labels find places free of other labels, boxes and lines, and the measures say so', () => {
    const d = layoutFigure(
      [
        { id: 'a', label: 'A', x: 40, y: 40 },
        { id: 'b', label: 'B', x: 300, y: 40 },
        { id: 'c', label: 'C', x: 40, y: 200 },
        { id: 'd', label: 'D', x: 300, y: 200 },
      ],
      [
        { id: 'a>b', source: 'a', target: 'b', style: 'stimulates', label: ['IL-6, RANKL'] },
        { id: 'c>d', source: 'c', target: 'd', style: 'inhibits', label: ['TGF-β'] },
        { id: 'a>d', source: 'a', target: 'd', style: 'stimulates', label: ['PTHrP'] },
      ],
      { width: 360, height: 260, labelWrap: 120 },
    );
    const m = measureDrawing(d);
    expect(m).toMatchObject({ edges: 3, crossings: 0, overlaps: [], throughNodes: [] });
  });

  it('two edges drawn across each other are counted as a crossing', () => {
    const d = layoutFigure(
      [
        { id: 'a', label: 'A', x: 40, y: 40 },
        { id: 'b', label: 'B', x: 300, y: 200 },
        { id: 'c', label: 'C', x: 40, y: 200 },
        { id: 'd', label: 'D', x: 300, y: 40 },
      ],
      [
        { id: 'a>b', source: 'a', target: 'b', style: 'stimulates', label: [] },
        { id: 'c>d', source: 'c', target: 'd', style: 'stimulates', label: [] },
      ],
      { width: 360, height: 260, labelWrap: 120 },
    );
    expect(measureDrawing(d).crossings).toBe(1);
  });
});

describe('citations in a figure', () => {
  it('every key shows its number in the review; keys of the page’s reference list link there, others to /references/', () => {
    const order = firstCitationOrder([{ key: 'b' }, { key: 'a' }, { key: 'b' }]);
    expect(order).toEqual(['b', 'a']);
    const links = citationLinks(['a', 'z', 'b'], order, (k) => ({ a: 30, b: 7, z: 62 })[k], '/references/');
    expect(links).toEqual([
      { key: 'b', href: '#bib-b', text: '7', local: true },
      { key: 'a', href: '#bib-a', text: '30', local: true },
      { key: 'z', href: '/references/#z', text: '62', local: false },
    ]);
  });
});

describe('hub neighbourhoods', () => {
  it('neighbours are grouped by relation and direction, arrows run the way the relation does, and the drawing never exceeds its width', () => {
    const factors = [
      f('rankl', 'RANKL', { relations: [{ type: 'produced-by', target: 'osteoblast', cites: ['k'] }, { type: 'stimulates', target: 'osteoclast', cites: ['k'] }] }),
      f('osteoblast', 'osteoblast', { kind: 'cell' }),
      f('osteoclast', 'osteoclast', { kind: 'cell' }),
      ...Array.from({ length: 40 }, (_, i) => f(`x${i}`, `factor number ${i}`, { relations: [{ type: 'stimulates', target: 'osteoclast', cites: ['k'] }] })),
    ];
    const oc = factors.find((x) => x.id === 'osteoclast') as Factor;
    const groups = neighbourGroups(oc, factors);
    expect(groups.map((g) => g.heading)).toEqual(['Stimulate osteoclast']);
    expect(groups[0]?.members).toHaveLength(41);
    const rankl = neighbourGroups(factors[0] as Factor, factors);
    expect(rankl.map((g) => [g.heading, flowsOut(g)])).toEqual([
      ['RANKL stimulates', true],
      ['RANKL is produced by', false],
    ]);
    for (const width of [576, 356]) {
      const d = layoutNeighbourhood(oc, groups, width);
      const m = measureNeighbourhood(d);
      expect(m).toMatchObject({ width, edges: 41, crossings: 0, overlaps: [] });
      for (const g of d.groups) for (const b of g.boxes) expect(b.rect.x + b.rect.width).toBeLessThanOrEqual(width);
    }
  });
});

describe('the site’s figures, as the build draws them', () => {
  const specs = siteFigureSpecs();
  const keys = new Set(siteBibliography().entries.keys());

  it('the vicious cycle draws its loop with at most 2 crossings, no overlapping label, no line through a box, labels of 12 px, in both layouts', () => {
    const spec = specs.find((s) => s.id === 'fig-vicious-cycle');
    expect(spec?.kind).toBe('graph');
    const m = figureMeasures(siteGraphFigure(spec as Extract<typeof spec, { kind: 'graph' }> & object));
    for (const layout of [m.wide, m.narrow]) {
      expect(layout.crossings).toBeLessThanOrEqual(2);
      expect(layout.overlaps).toEqual([]);
      expect(layout.throughNodes).toEqual([]);
      expect(layout.smallestText).toBeGreaterThanOrEqual(12);
    }
    expect(m.wide.width).toBeLessThanOrEqual(578);
    expect(m.narrow.width).toBeLessThanOrEqual(358);
  });

  it('the loop runs cancer cell → osteoblast and stromal cell → osteoclast → bone matrix → cancer cell, with immune cells feeding the osteoclast and B cells acting through T cells', () => {
    const spec = specs.find((s) => s.id === 'fig-vicious-cycle');
    const fig = siteGraphFigure(spec as Extract<typeof spec, { kind: 'graph' }> & object);
    const drawn = new Set(fig.drawn.map((e) => e.id));
    for (const p of ['tumour-cell>osteoblast', 'tumour-cell>stromal-cell', 'osteoblast>osteoclast', 'stromal-cell>osteoclast', 'osteoclast>bone-matrix', 'bone-matrix>tumour-cell', 't-cell>osteoclast', 'th17-cell>osteoclast', 'mdsc>osteoclast', 'b-cell>t-cell']) {
      expect(drawn, p).toContain(p);
    }
    expect(new Set(fig.drawn.map((e) => e.id)).size).toBe(fig.drawn.length);
  });

  it('every graph figure is free of overlaps in both layouts, and every step cites keys of the bibliography', () => {
    for (const spec of specs) {
      if (spec.kind !== 'graph') continue;
      const m = figureMeasures(siteGraphFigure(spec));
      expect({ id: spec.id, wide: m.wide.overlaps, narrow: m.narrow.overlaps }).toEqual({ id: spec.id, wide: [], narrow: [] });
      expect(m.wide.crossings + m.narrow.crossings, spec.id).toBeLessThanOrEqual(4);
      for (const s of spec.steps) for (const k of s.cites) expect(keys, `${spec.id}: ${k}`).toContain(k);
    }
  });

  it('a downloaded figure is black on white with the caption, the figure’s address and the review, read from the bibliography', () => {
    const spec = specs.find((s) => s.id === 'fig-vicious-cycle');
    const fig = siteGraphFigure(spec as Extract<typeof spec, { kind: 'graph' }> & object);
    const review = sourceReview();
    const svg = standaloneSvg(fig.wide, { idPrefix: 'x', title: 't', description: 'd', caption: 'Figure 2. The vicious cycle.', credit: { siteTitle: 'Lung cancer in bone', figureUrl: 'https://example.org/osteoclast-factors/#fig-vicious-cycle', review: review.short, doi: review.doi } });
    expect(svg).toContain('Lung cancer in bone · https://example.org/osteoclast-factors/#fig-vicious-cycle');
    expect(svg).toContain('Source review: Roato I. World Journal of Clinical Oncology 2014;5(2):149-155, doi:10.5306/wjco.v5.i2.149');
    expect(svg).toContain('fill="#fff"');
    expect(svg).not.toMatch(/var\(--/);
  });

  it('the atlas still holds every node the figures draw', () => {
    const ids = new Set(siteFactors().map((x) => x.id));
    for (const spec of specs) if (spec.kind === 'graph') for (const n of spec.nodes) expect(ids, `${spec.id}: ${n}`).toContain(n);
  });
});
