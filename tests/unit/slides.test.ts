/**
 * Figure slides (src/lib/figures/downloads.ts): a 16:9 slide of 1920 × 1080 whose drawing is enlarged
 * enough for 24 px labels, with a one-line credit. Pure functions, no build.
 */
import { describe, expect, it } from 'vitest';
import { slideCredit, slideLayout, SLIDE, SLIDE_MIN_TEXT, SLIDE_SCALE } from '../../src/lib/figures/downloads.ts';
import { LABEL_FONT, NODE_FONT, textWidth } from '../../src/lib/figures/layout.ts';
import type { FigureLayout } from '../../src/lib/figures/figure-spec.ts';

const portrait: FigureLayout = {
  width: 576,
  height: 580,
  labelWrap: 160,
  at: { a: [60, 290], b: [340, 290], c: [230, 545] },
  wrap: {},
  labelAt: { 'a>b': [205, 250] },
  via: { 'b>c': [[300, 400]] },
  labels: 'steps',
};

describe('figure slides', () => {
  it('enlarges drawings so that the smallest label, and every node name, is at least 24 px on the slide', () => {
    expect(LABEL_FONT * SLIDE_SCALE).toBeGreaterThanOrEqual(SLIDE_MIN_TEXT);
    expect(NODE_FONT * SLIDE_SCALE).toBeGreaterThanOrEqual(SLIDE_MIN_TEXT);
  });

  it('spreads a portrait layout over the 16:9 area above the credit, at that enlargement', () => {
    const l = slideLayout(portrait);
    expect(l.width * SLIDE_SCALE).toBeLessThanOrEqual(SLIDE.width - 2 * SLIDE.margin);
    expect(l.width * SLIDE_SCALE).toBeGreaterThan(SLIDE.width - 2 * SLIDE.margin - SLIDE_SCALE);
    expect(l.height * SLIDE_SCALE).toBeLessThan(SLIDE.height - 2 * SLIDE.margin);
    expect(l.width / l.height).toBeGreaterThan(1.7);
    // Positions, bends and label places move with the layout; a node keeps its place relative to the others.
    expect(l.at['a']?.[0]).toBeLessThan(l.at['b']?.[0] ?? 0);
    expect(l.at['c']?.[1]).toBeGreaterThan(l.at['a']?.[1] ?? 0);
    expect(l.at['b']?.[0]).toBe(Math.round((340 * l.width) / 576));
    expect(l.via['b>c']?.[0]).toEqual([Math.round((300 * l.width) / 576), Math.round((400 * l.height) / 580)]);
    expect(l.labelAt['a>b']).toEqual([Math.round((205 * l.width) / 576), Math.round((250 * l.height) / 580)]);
  });

  it('names the signals on a slide, even where the phone layout gives step numbers', () => {
    expect(slideLayout(portrait).labels).toBe('signals');
    expect(slideLayout(portrait).labelWrap).toBe(160);
  });

  it('puts the credit on one line that fits the slide, at 16 px or more', () => {
    const c = slideCredit({ siteTitle: 'Lung cancer in bone', figureUrl: 'https://example.org/a/long/base/path/osteoclast-factors/#fig-vicious-cycle', review: 'Roato I. World Journal of Clinical Oncology. 2014;5(2):149-55', doi: '10.5306/wjco.v5.i2.149' });
    expect(c.text).not.toContain('\n');
    expect(c.text).toContain('#fig-vicious-cycle');
    expect(c.text).toContain('doi:10.5306/wjco.v5.i2.149');
    expect(c.size).toBeGreaterThanOrEqual(16);
    expect(textWidth(c.text, c.size)).toBeLessThanOrEqual(SLIDE.width - 2 * SLIDE.margin);
  });
});
