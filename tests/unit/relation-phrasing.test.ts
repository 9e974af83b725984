import { describe, expect, it } from 'vitest';
import type { Factor } from '../../src/lib/atlas/factors.ts';
import { ALLOWED_VERBS, capitalised, isPluralName, pluralOf, relationPhrase, relationSentence } from '../../src/lib/atlas/relation-phrasing.ts';

const f = (name: string, kind: Factor['kind'], plural?: string) => ({ name, kind, ...(plural ? { plural } : {}) });
const pthrp = f('PTHrP', 'hormone');
const osteoblast = f('osteoblast', 'cell');
const osteoclast = f('osteoclast', 'cell');
const tumour = f('cancer cell', 'cell');

describe('relations read as English', () => {
  it('a molecule acting on a cell names the cells in the plural', () => {
    expect(relationSentence(pthrp, 'stimulates', osteoblast)).toBe('PTHrP stimulates osteoblasts');
    expect(relationSentence(f('miR-33a', 'microrna'), 'inhibits', osteoclast)).toBe('miR-33a inhibits osteoclasts');
  });

  it('"produced by" names the producing cells in the plural, "cell" becoming "cells" inside a longer name', () => {
    expect(relationSentence(f('IL-6', 'cytokine'), 'produced-by', tumour)).toBe('IL-6 is produced by cancer cells');
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

  it('receptors are carried by cells and are receptors for their ligand; signalling proteins and microRNAs are expressed by cells', () => {
    expect(relationSentence(f('CXCR1', 'receptor'), 'receptor-of', f('IL-8', 'cytokine'))).toBe('CXCR1 is a receptor for IL-8');
    expect(relationSentence(f('CXCR1', 'receptor'), 'produced-by', f('osteoclast precursor', 'cell'))).toBe('CXCR1 is carried by osteoclast precursors');
    expect(relationSentence(f('annexin II', 'signalling'), 'produced-by', f('osteoblast', 'cell'))).toBe('Annexin II is expressed by osteoblasts');
    expect(relationSentence(f('miR-33a', 'microrna'), 'produced-by', tumour)).toBe('miR-33a is expressed by cancer cells');
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

describe('every relation type and kind renders an allowed verb', () => {
  it('each type, for every kind of subject and object, gives a verb from the published list', () => {
    const kinds = ['cytokine', 'growth-factor', 'hormone', 'receptor', 'signalling', 'microrna', 'drug', 'chemical', 'marker', 'cell', 'tissue', 'condition'] as const;
    const types = ['stimulates', 'attracts', 'inhibits', 'produced-by', 'receptor-of', 'marker-of', 'precursor-of', 'degrades', 'resists'] as const;
    for (const type of types) for (const a of kinds) for (const b of kinds) {
      const p = relationPhrase(f('X', a), type, f('Y', b));
      expect(ALLOWED_VERBS, `${a} ${type} ${b}`).toContain(p.verb);
    }
  });
});
