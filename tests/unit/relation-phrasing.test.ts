import { describe, expect, it } from 'vitest';
import type { Factor } from '../../src/lib/atlas/factors.ts';
import { capitalised, isPluralName, pluralOf, relationPhrase } from '../../src/lib/atlas/relation-phrasing.ts';

const f = (name: string, kind: Factor['kind'], plural?: string) => ({ name, kind, ...(plural ? { plural } : {}) });
const pthrp = f('PTHrP', 'hormone');
const osteoblast = f('osteoblast', 'cell');
const osteoclast = f('osteoclast', 'cell');
const tumour = f('cancer cell in bone', 'cell');
/** The relation as a factor page prints it (src/pages/factors/[id].astro): subject, verb, article and object. */
const relationSentence = (...args: Parameters<typeof relationPhrase>) => {
  const p = relationPhrase(...args);
  return `${p.subject} ${p.verb} ${p.article}${p.object}`;
};

describe('relations read as English', () => {
  it('a phrase comes in the parts a factor page prints, the object apart so that it can be a link', () => {
    expect(relationPhrase(osteoclast, 'degrades', f('bone matrix', 'tissue'))).toEqual({ subject: 'Osteoclasts', verb: 'break down', article: 'the ', object: 'bone matrix' });
    expect(relationPhrase(pthrp, 'stimulates', osteoblast)).toEqual({ subject: 'PTHrP', verb: 'stimulates', article: '', object: 'osteoblasts' });
  });

  it('a molecule acting on a cell names the cells in the plural', () => {
    expect(relationSentence(pthrp, 'stimulates', osteoblast)).toBe('PTHrP stimulates osteoblasts');
    expect(relationSentence(f('miR-33a', 'microrna'), 'inhibits', osteoclast)).toBe('miR-33a inhibits osteoclasts');
  });

  it('"produced by" names the producing cells in the plural, "cell" becoming "cells" inside a longer name', () => {
    expect(relationSentence(f('IL-6', 'cytokine'), 'produced-by', tumour)).toBe('IL-6 is produced by cancer cells in bone');
    expect(relationSentence(f('IL-7', 'cytokine'), 'produced-by', f('B cell', 'cell'))).toBe('IL-7 is produced by B cells');
  });

  it('cells as subjects are plural and take a plural verb', () => {
    expect(relationSentence(osteoblast, 'stimulates', osteoclast)).toBe('Osteoblasts stimulate osteoclasts');
    expect(relationSentence(f('MDSC', 'cell'), 'precursor-of', osteoclast)).toBe('MDSCs are precursors of osteoclasts');
    expect(relationSentence(osteoclast, 'degrades', f('bone matrix', 'tissue'))).toBe('Osteoclasts break down the bone matrix');
  });

  it('a subject named in the plural takes a plural verb', () => {
    expect(relationSentence(f('BMPs', 'growth-factor'), 'produced-by', f('bone matrix', 'tissue'))).toBe('BMPs come from the bone matrix');
    expect(relationSentence(f('EGFR-TKIs', 'drug'), 'inhibits', f('bone metastasis', 'condition', 'bone metastases'))).toBe('EGFR-TKIs inhibit bone metastases');
  });

  it('receptors are carried by cells and are receptors for their ligand; pathways are active in cells', () => {
    expect(relationSentence(f('CXCR1', 'receptor'), 'receptor-of', f('IL-8', 'cytokine'))).toBe('CXCR1 is a receptor for IL-8');
    expect(relationSentence(f('CXCR1', 'receptor'), 'produced-by', f('osteoclast precursor', 'cell'))).toBe('CXCR1 is carried by osteoclast precursors');
    expect(relationSentence(f('NF-κB', 'signalling'), 'produced-by', tumour)).toBe('NF-κB is active in cancer cells in bone');
  });

  it('markers and conditions: a marker of events in the plural, from a name given in the data', () => {
    expect(relationSentence(f('N-telopeptide', 'marker'), 'marker-of', f('skeletal-related event', 'condition'))).toBe('N-telopeptide is a marker of skeletal-related events');
    expect(relationSentence(f('IL-7', 'cytokine'), 'marker-of', f('bone metastasis', 'condition', 'bone metastases'))).toBe('IL-7 is a marker of bone metastases');
  });

  it('a sentence opens with a capital, except names whose case is part of the name', () => {
    expect(capitalised('cisplatin')).toBe('Cisplatin');
    expect(capitalised('bone-specific alkaline phosphatase')).toBe('Bone-specific alkaline phosphatase');
    expect(capitalised('miR-335')).toBe('miR-335');
    expect(capitalised('γδ T cells')).toBe('γδ T cells');
    expect(relationSentence(f('haematopoietic stem-cell niche', 'tissue'), 'inhibits', f('disseminated tumour cell', 'cell'))).toBe('The haematopoietic stem-cell niche inhibits disseminated tumour cells');
  });

  it('plural names are recognised, and words ending in -sis or -ss are not taken for plurals', () => {
    expect(['BMPs', 'EGFR-TKIs', 'prostaglandins', 'proteolytic enzymes'].map(isPluralName)).toEqual([true, true, true, true]);
    expect(['bone metastasis', 'ROS', 'PTHrP', 'NF-κB', 'Notch'].map(isPluralName)).toEqual([false, false, false, false, false]);
    expect(pluralOf({ name: 'γδ T cell' })).toBe('γδ T cells');
    expect(pluralOf({ name: 'PBMC' })).toBe('PBMCs');
  });
});
