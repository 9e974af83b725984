import { describe, expect, it } from 'vitest';
import { parseFactors, type Factor, type FactorRelation } from '../../src/lib/atlas/factors.ts';
import { citedSegments, unstatedMessage, unstatedRelations } from '../../src/lib/atlas/relation-evidence.ts';

const f = (id: string, name: string, extra: Partial<Factor> = {}): Factor => ({ id, name, kind: 'cytokine', aliases: [], summary: 'x'.repeat(40), relations: [], ...extra });
const cited = (type: FactorRelation['type'], target: string, cites: string[]): FactorRelation => ({ type, target, cites, evidence: ['not-stated'], cancer: ['lung'] });

const chapter = `---
title: "x"
---

Intro text with no citation names PTHrP and osteoblasts.

## Loop {/* #loop */}

Tumour cells release PTHrP [@boyle2003]. PTHrP makes osteoblasts express RANKL, which drives osteoclasts [@liao2006; @jones2006].

- A list item that names IL-8;
- and a second item [@kuo2013].

## Other {/* #other */}

Cisplatin is a drug. Lung CICs resist it [@bertolini2009].
`;

describe('the text a citation group closes', () => {
  const segments = citedSegments('loop', chapter);

  it('runs from the previous citation group of the section to the group, with the group’s keys', () => {
    expect(segments.map((s) => [s.sectionId, s.keys, s.text])).toEqual([
      ['loop', ['boyle2003'], 'Tumour cells release PTHrP'],
      ['loop', ['liao2006', 'jones2006'], '. PTHrP makes osteoblasts express RANKL, which drives osteoclasts'],
      ['loop', ['kuo2013'], '. A list item that names IL-8; and a second item'],
      ['other', ['bertolini2009'], 'Cisplatin is a drug. Lung CICs resist it'],
    ]);
  });

  it('does not reach back across a heading: text before the first section’s first citation stays out', () => {
    expect(segments.some((s) => s.text.includes('Intro text'))).toBe(false);
  });
});

describe('the relation rule', () => {
  const segments = citedSegments('loop', chapter);
  const base = [
    f('tumour-cell', 'tumour cell', { kind: 'cell', aliases: ['tumour cells'] }),
    f('osteoblast', 'osteoblast', { kind: 'cell' }),
    f('osteoclast', 'osteoclast', { kind: 'cell' }),
    f('il-8', 'IL-8'),
    f('cic', 'cancer-initiating cell', { kind: 'cell', aliases: ['CICs', 'lung CICs'] }),
  ];
  const check = (...more: Factor[]) => unstatedRelations([...base, ...more], segments).map((u) => `${u.factor.id} ${u.relation.type} ${u.relation.target} [${u.key}]`);

  it('accepts a relation when a passage citing its key names both factors', () => {
    expect(check(f('pthrp', 'PTHrP', { relations: [cited('produced-by', 'tumour-cell', ['boyle2003']), cited('stimulates', 'osteoblast', ['liao2006'])] }))).toEqual([]);
  });

  it('fails a relation whose key is cited only for a passage that does not name the target', () => {
    expect(check(f('pthrp', 'PTHrP', { relations: [cited('stimulates', 'osteoclast', ['boyle2003'])] }))).toEqual(['pthrp stimulates osteoclast [boyle2003]']);
  });

  it('checks each key of a relation: one supporting key does not cover another that does not', () => {
    expect(check(f('pthrp', 'PTHrP', { relations: [cited('produced-by', 'tumour-cell', ['boyle2003', 'bertolini2009'])] }))).toEqual(['pthrp produced-by tumour-cell [bertolini2009]']);
  });

  it('a relation through signals is stated only when one passage citing its key names the source, every signal and the target', () => {
    const through = (via: string[]) => unstatedRelations([...base, f('pthrp', 'PTHrP'), f('rankl', 'RANKL'), f('ob', 'OB', { kind: 'cell', aliases: ['osteoblasts'], relations: [{ ...cited('stimulates', 'osteoclast', ['liao2006']), via }] })], segments);
    expect(through(['pthrp', 'rankl'])).toEqual([]);
    expect(through(['rankl', 'il-8']).map((u) => `${u.key}: ${u.missing.join(', ')}`)).toEqual(['liao2006: il-8']);
  });

  it('fails a relation whose key no chapter cites', () => {
    const [u] = unstatedRelations([...base, f('pthrp', 'PTHrP', { relations: [cited('stimulates', 'osteoblast', ['nowhere2001'])] })], segments);
    expect(u?.passagesCitingKey).toBe(0);
  });

  it('does not count a search-only alias as naming the factor', () => {
    const hif = f('hif-1', 'HIF-1', { searchAliases: ['drug'] });
    expect(check(hif, f('cisplatin', 'cisplatin', { kind: 'drug', relations: [cited('stimulates', 'hif-1', ['bertolini2009'])] }))).toEqual(['cisplatin stimulates hif-1 [bertolini2009]']);
  });

  it('never checks a gloss, which carries no citation', () => {
    const gloss: FactorRelation = { type: 'stimulates', target: 'osteoclast', cites: [], gloss: true };
    expect(check(f('pthrp', 'PTHrP', { relations: [gloss] }))).toEqual([]);
  });

  it('the message names the file and line, the relation, the key, and both ways to fix it', () => {
    const [u] = unstatedRelations([...base, f('pthrp', 'PTHrP', { relations: [cited('stimulates', 'osteoclast', ['boyle2003'])] })], segments);
    expect(u && unstatedMessage(u, 'content/factors.yaml:12: factor "pthrp"')).toBe(
      'content/factors.yaml:12: factor "pthrp": relation "pthrp stimulates osteoclast" cites "boyle2003", but none of the 1 chapter passage citing "boyle2003" names all of pthrp, osteoclast (the closest leaves out osteoclast). ' +
        'Cite the key the review gives for this statement (the chapters must state it with that key), or, if it explains rather than reports, make it an uncited gloss: "gloss: true" and no "cites".',
    );
  });
});

describe('the relation rule in the factor data check', () => {
  const yaml = (relation: string) => `- id: pthrp
  name: PTHrP
  kind: hormone
  summary: A protein made by tumour cells that raises RANKL on bone-forming cells.
  relations:
${relation}
- id: osteoclast
  name: osteoclast
  kind: cell
  summary: The large many-nucleated cell that dissolves bone.
`;
  const chapters = [{ id: 'c', source: chapter }];

  it('throws with every unstated relation, each with the line of the relation in the file', () => {
    const text = yaml('    - type: stimulates\n      target: osteoclast\n      cites: [boyle2003]\n      evidence: not-stated\n      cancer: bone-biology');
    expect(() => parseFactors(text, 'factors.yaml', { chapters })).toThrow(/^factors\.yaml:6:7: factor "pthrp": relation "pthrp stimulates osteoclast" cites "boyle2003"/);
  });

  it('accepts the same relation as an explicit gloss without citation', () => {
    const text = yaml('    - type: stimulates\n      target: osteoclast\n      gloss: true');
    expect(parseFactors(text, 'factors.yaml', { chapters })[0]?.relations[0]).toMatchObject({ gloss: true, cites: [] });
  });

  it('refuses a gloss that carries a citation or evidence, and a cited relation without both evidence fields, naming the line', () => {
    const both = yaml('    - type: stimulates\n      target: osteoclast\n      gloss: true\n      cites: [boyle2003]');
    expect(() => parseFactors(both, 'factors.yaml')).toThrow(/factors\.yaml:9:14: factor "pthrp", field "relations\.0\.cites": a gloss explains and carries no citation/);
    const glossWithEvidence = yaml('    - type: stimulates\n      target: osteoclast\n      gloss: true\n      evidence: patients');
    expect(() => parseFactors(glossWithEvidence, 'factors.yaml')).toThrow(/field "relations\.0\.gloss": a gloss is background, not evidence/);
    const noEvidence = yaml('    - type: stimulates\n      target: osteoclast\n      cites: [boyle2003]\n      cancer: nsclc');
    expect(() => parseFactors(noEvidence, 'factors.yaml')).toThrow(/factors\.yaml:6:7: factor "pthrp", field "relations\.0\.evidence": a cited relation needs "evidence": what the evidence is, one of patients, patient-samples, human-cell-lines, animal-models, not-stated, inference/);
    const noCancer = yaml('    - type: stimulates\n      target: osteoclast\n      cites: [boyle2003]\n      evidence: patients');
    expect(() => parseFactors(noCancer, 'factors.yaml')).toThrow(/factors\.yaml:6:7: factor "pthrp", field "relations\.0\.cancer": a cited relation needs "cancer": which cancer the evidence comes from, one of nsclc, sclc, lung, breast/);
  });

  it('refuses an evidence value outside the published vocabulary, naming the line and the allowed values', () => {
    const wrong = yaml('    - type: stimulates\n      target: osteoclast\n      cites: [boyle2003]\n      evidence: lung cancer patients\n      cancer: lung');
    expect(() => parseFactors(wrong, 'factors.yaml')).toThrow(/factors\.yaml:9:17: factor "pthrp", field "relations\.0\.evidence": evidence: one of patients, patient-samples/);
  });

  it('reads one value or a list of values for each evidence field', () => {
    const list = yaml('    - type: stimulates\n      target: osteoclast\n      cites: [boyle2003]\n      evidence: [animal-models, patient-samples]\n      cancer: nsclc');
    expect(parseFactors(list, 'factors.yaml')[0]?.relations[0]).toMatchObject({ evidence: ['animal-models', 'patient-samples'], cancer: ['nsclc'] });
  });

  it('refuses a relation with neither citation nor gloss', () => {
    const bare = yaml('    - type: stimulates\n      target: osteoclast\n      evidence: not-stated\n      cancer: cancer');
    expect(() => parseFactors(bare, 'factors.yaml')).toThrow(/field "relations\.0\.cites": name the citation key\(s\) of the review that support this relation, or mark it "gloss: true"/);
  });
});
