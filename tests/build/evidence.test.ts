/**
 * Statements and their evidence on the built site: every arrow and list line of a figure is one
 * relation of the atlas (no composition), each shown relation carries its typed evidence from the
 * published vocabulary, every generated relation sentence uses an allowed verb, and a composed edge
 * fails a real build.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { attr, builtPage, builtPages } from '../helpers/dist.ts';
import { buildWith } from '../helpers/build-fixture.ts';
import { CANCER_VALUES, EVIDENCE_KINDS, EVIDENCE_VALUES } from '../../src/lib/atlas/evidence.ts';
import { ALLOWED_VERBS } from '../../src/lib/atlas/relation-phrasing.ts';

interface RawRelation { type: string; target: string; via?: string[]; cites?: string[]; gloss?: boolean; evidence?: string | string[]; cancer?: string | string[] }
interface RawFactor { id: string; relations?: RawRelation[] }
const factors = parse(readFileSync('content/factors.yaml', 'utf8')) as RawFactor[];
const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The statements of the atlas, as the attributes a shown one carries. */
const statements = new Set(
  factors.flatMap((f) =>
    (f.relations ?? []).map((r) => [f.id, r.target, (r.via ?? []).join(' '), (r.cites ?? []).join(' '), asList(r.evidence).join(' '), asList(r.cancer).join(' ')].join(' | ')),
  ),
);
const shownAs = (el: Element) => ['dataFrom', 'dataTo', 'dataVia', 'dataCites', 'dataEvidence', 'dataCancer'].map((a) => attr(el, a)).join(' | ');

const figurePages = ['/bone-niche/', '/osteoclast-factors/', '/immune-regulation/', '/factors/'];

describe('figures show only stated relations', () => {
  it('every drawn arrow’s SVG group and every list line is one relation of the atlas: its source, target, signals, keys and evidence', () => {
    let arrows = 0;
    let lines = 0;
    for (const path of figurePages) {
      const { tree } = builtPage(path);
      for (const g of selectAll('.teaching-figure svg .fig-arrow', tree)) {
        expect(statements, `${path} arrow ${shownAs(g)}`).toContain(shownAs(g));
        arrows++;
      }
      for (const li of selectAll('.teaching-figure .diagram-text li.relation-line', tree)) {
        expect(statements, `${path} list line ${toString(li)}`).toContain(shownAs(li));
        lines++;
      }
    }
    expect(arrows).toBeGreaterThan(20);
    expect(lines).toBeGreaterThan(20);
  });

  it('the known composed edges are gone: no B cell → osteoclast, no osteoblast → Th17 cell, no cancer cell → osteoclast through TNF-α or RANKL', () => {
    for (const path of figurePages) {
      const { tree } = builtPage(path);
      const shown = [...selectAll('.teaching-figure .fig-arrow', tree), ...selectAll('.teaching-figure li.relation-line', tree)].map((el) => `${attr(el, 'dataFrom')}>${attr(el, 'dataTo')} ${attr(el, 'dataVia')}`);
      for (const bad of ['b-cell>osteoclast', 'osteoblast>th17-cell', 'bone-matrix>th17-cell', 't-cell>stromal-cell', 't-cell>tumour-cell', 'tumour-cell>t-cell', 'bone-metastasis>t-cell', 'bone-marrow>hsc']) {
        expect(shown.filter((s) => s.startsWith(`${bad} `)), `${path}: ${bad}`).toEqual([]);
      }
      expect(shown.filter((s) => s.startsWith('tumour-cell>osteoclast ') && /tnf-alpha|rankl|mir-33a/.test(s)), path).toEqual([]);
      expect(shown.filter((s) => s.startsWith('osteoblast>osteoclast ') && /il-6/.test(s)), path).toEqual([]);
    }
    const cycle = select('#fig-vicious-cycle svg.fig-wide .fig-arrow[data-from="b-cell"]', builtPage('/osteoclast-factors/').tree);
    expect(attr(cycle, 'dataTo')).toBe('t-cell');
    expect(attr(cycle, 'dataVia')).toBe('il-7');
  });

  it('the vicious-cycle caption names no calcium, which the figure does not draw, and the MDSC arrow reads "precursor of" alone', () => {
    const { tree } = builtPage('/osteoclast-factors/');
    expect(toString(select('#fig-vicious-cycle figcaption', tree) as Element)).not.toMatch(/calcium/i);
    const mdsc = select('#fig-vicious-cycle svg.fig-wide .fig-label[data-from="mdsc"]', tree) as Element;
    expect(toString(mdsc).trim()).toBe('precursor of');
  });
});

describe('typed evidence', () => {
  it('/evidence.json lists each value with its label and its rank, from patients down to inference', () => {
    const doc = JSON.parse(readFileSync('dist/evidence.json', 'utf8')) as { evidence: { value: string; label: string; rank: number }[]; cancer: { value: string; label: string }[]; explanation: string };
    expect(doc.evidence.map((e) => e.value)).toEqual([...EVIDENCE_VALUES]);
    expect(doc.evidence.map((e) => e.rank)).toEqual(EVIDENCE_VALUES.map((_, i) => i + 1));
    expect(doc.evidence[0]?.value).toBe('patients');
    expect(doc.evidence.at(-1)?.value).toBe('inference');
    expect(doc.cancer.map((c) => c.value)).toEqual([...CANCER_VALUES]);
    expect(doc.explanation).toBe('/about/#evidence');
  });

  it('/about/#evidence explains every rung of the ladder', () => {
    const { tree } = builtPage('/about/');
    expect(select('#evidence', tree)).toBeTruthy();
    const ladder = selectAll('.evidence-ladder li', tree).map((li) => toString(li));
    expect(ladder.length).toBe(EVIDENCE_KINDS.length);
    EVIDENCE_KINDS.forEach((k, i) => expect(ladder[i]).toContain(k.label));
  });

  it('every shown relation on every page carries evidence and cancer values of the vocabulary, and shows its badge in words', () => {
    let checked = 0;
    for (const page of builtPages().values()) {
      for (const el of selectAll('li.relation-line, li.neighbour-line, svg .fig-arrow, svg .fig-label[data-from], svg .fig-node[data-from]', page.tree)) {
        if (el.tagName === 'li' && (attr(el, 'className').includes('relation-gloss'))) continue;
        const evidence = attr(el, 'dataEvidence').split(' ');
        const cancer = attr(el, 'dataCancer').split(' ');
        for (const e of evidence) expect(EVIDENCE_VALUES, `${page.path}: ${toString(el)}`).toContain(e);
        for (const c of cancer) expect(CANCER_VALUES, `${page.path}: ${toString(el)}`).toContain(c);
        if (el.tagName === 'li') expect(attr(select('.evidence-badge', el), 'href'), `${page.path}: ${toString(el)}`).toBe('/about/#evidence');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('the EGFR-TKI host effect is the review’s inference, and the uncited EGFR-mutant sentence is no cited relation', () => {
    const lines = selectAll('#what-it-does + .relations > li', builtPage('/factors/egfr-tki/').tree);
    const host = lines.find((li) => attr(li, 'dataTo') === 'bone-metastasis') as Element;
    expect(attr(host, 'dataEvidence')).toBe('inference');
    expect(toString(host)).toContain('NSCLC cell line');
    expect(lines.filter((li) => attr(li, 'dataTo') === 'tumour-cell')).toEqual([]);
  });
});

describe('generated phrases say no more than their passage', () => {
  it('every generated relation sentence on the site uses an allowed verb, right after its subject', () => {
    let sentences = 0;
    for (const page of builtPages().values()) {
      for (const s of selectAll('.relation-sentence', page.tree)) {
        const verb = toString(select('.relation-verb', s) as Element);
        expect(ALLOWED_VERBS, `${page.path}: ${toString(s)}`).toContain(verb);
        expect(toString(s), page.path).toMatch(new RegExp(`^\\S+(?: \\S+)*? ${verb} `));
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(300);
  });

  it('no generated sentence puts cancer cells "in bone", and annexin II is expressed by osteoblasts, not active in them', () => {
    for (const page of builtPages().values()) {
      for (const s of selectAll('.relation-sentence', page.tree)) expect(toString(s), page.path).not.toMatch(/cancer cells? in bone/);
    }
    const annexin = selectAll('#what-it-does + .relations .relation-sentence', builtPage('/factors/annexin-ii/').tree).map((s) => toString(s));
    expect(annexin).toContain('Annexin II is expressed by osteoblasts');
  });
});

describe('a composed edge fails the build', () => {
  it('an arrow bone matrix → Th17 cell through TGF-β, joined from two statements, stops the build with its line and key', () => {
    const { status, output } = buildWith({ FACTORS: 'tests/fixtures/factors/composed-edge.yaml' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/factors\/composed-edge\.yaml:11: factor "bone-matrix": relation "bone-matrix stimulates th17-cell through tgf-beta" cites "sato2006", but none of the \d+ chapter passages? citing "sato2006" names all of bone-matrix, th17-cell, tgf-beta \(the closest leaves out bone-matrix\)/);
  });
});
