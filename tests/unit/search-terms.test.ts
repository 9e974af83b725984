import { describe, expect, it } from 'vitest';
import { asPhrase, factorKeyIndex, factorsNamedBy, isExactName, nameKeys, namedRuns, oneLine, phrasedQuery, searchFactor, widenedQueries, type SearchFactor } from '../../src/lib/search/search-terms.ts';

const sf = (id: string, name: string, names: string[], expansion?: string): SearchFactor =>
  searchFactor({ id, name, expansion, summary: '', names: [name, ...names, ...(expansion ? [expansion] : [])] });
const factors = [
  sf('il-7', 'IL-7', ['IL7', 'interleukin-7'], 'interleukin-7'),
  sf('il-1', 'IL-1', ['interleukin-1']),
  sf('il-11', 'IL-11', ['interleukin-11']),
  sf('tgf-beta', 'TGF-β', ['TGF-beta', 'transforming growth factor beta'], 'transforming growth factor-β'),
  sf('nf-kb', 'NF-κB', ['NF-kB'], 'nuclear factor-κB'),
  sf('sdf-1', 'SDF-1', ['CXCL12'], 'stromal cell-derived factor 1'),
  sf('gamma-delta-t-cell', 'γδ T cell', ['gamma delta T cell']),
  sf('osteoclast', 'osteoclast', ['OC', 'osteoclasts']),
  sf('denosumab', 'denosumab', ['anti-RANKL antibody']),
  sf('rankl', 'RANKL', []),
];
const index = factorKeyIndex(factors);
const named = (q: string) => factorsNamedBy(q, index).map((f) => f.id);

describe('a query names a factor however it is typed', () => {
  it.each([
    ['IL7', 'il-7'], ['IL 7', 'il-7'], ['il-7', 'il-7'], ['interleukin 7', 'il-7'], ['Interleukin-7', 'il-7'],
    ['TGF beta', 'tgf-beta'], ['TGF-β', 'tgf-beta'], ['tgfb', 'tgf-beta'], ['TGFβ', 'tgf-beta'],
    ['NF-kB', 'nf-kb'], ['NF-κB', 'nf-kb'], ['nfkappab', 'nf-kb'], ['CXCL12', 'sdf-1'],
    ['gamma delta T cells', 'gamma-delta-t-cell'], ['γδ T cells', 'gamma-delta-t-cell'], ['Osteoclasts', 'osteoclast'],
  ])('%s names %s', (query, id) => {
    expect(named(query)).toEqual([id]);
  });

  it('IL-1 is IL-1, not IL-11', () => {
    expect(named('IL-1')).toEqual(['il-1']);
    expect(named('IL 11')).toEqual(['il-11']);
  });

  it('a factor inside a longer query is found, and the longest run wins', () => {
    expect(named('serum IL-7 levels')).toEqual(['il-7']);
    expect(named('anti-RANKL antibody')).toEqual(['denosumab']);
  });

  it('plain words name nothing', () => {
    expect(named('bone scan sensitivity')).toEqual([]);
  });

  it('Greek letters get a spelled-out and a letter key', () => {
    expect(nameKeys('TNF-α')).toEqual(expect.arrayContaining(['tnfalpha', 'tnfa']));
  });
});

describe('widening and exact names', () => {
  it('the query is widened to the factor’s name and spelled-out name, which come first', () => {
    expect(widenedQueries('IL7', [factors[0] as SearchFactor])).toEqual(['IL-7', 'interleukin-7', 'IL7']);
    expect(widenedQueries('il-7', [factors[0] as SearchFactor])).toEqual(['IL-7', 'interleukin-7']);
  });

  it('a factor named in several words is widened as a whole phrase, never as its separate words', () => {
    const q = 'interleukin 7';
    const runs = namedRuns(q, index);
    expect(widenedQueries(q, [factors[0] as SearchFactor], runs)).toEqual(['IL-7', 'interleukin-7', '"interleukin 7"']);
    expect(widenedQueries('transforming growth factor beta', [factors[3] as SearchFactor])).toContain('"transforming growth factor-β"');
    for (const w of widenedQueries(q, [factors[0] as SearchFactor], runs)) expect(w).not.toBe('interleukin');
  });

  it('the words around a factor name stay as typed, and the name is held together', () => {
    const q = 'serum interleukin 7 levels';
    expect(phrasedQuery(q, namedRuns(q, index))).toBe('serum "interleukin 7" levels');
    expect(asPhrase('gamma delta T cell')).toBe('"gamma delta T cell"');
    expect(asPhrase('IL-7')).toBe('IL-7');
  });

  it('runs say which words name which factor, in query order', () => {
    expect(namedRuns('RANKL and osteoclasts', index).map((r) => [r.start, r.end, r.factors[0]?.id])).toEqual([
      [0, 1, 'rankl'],
      [2, 3, 'osteoclast'],
    ]);
  });

  it('a marked IL-11 is not an exact IL-1', () => {
    expect(isExactName('IL-11', factors[1] as SearchFactor)).toBe(false);
    expect(isExactName('IL-1', factors[1] as SearchFactor)).toBe(true);
    expect(isExactName('osteoclasts', factors[7] as SearchFactor)).toBe(true);
  });
});

describe('factor cards', () => {
  it('show a one-line summary: the first sentence, cut at a word near 110 characters', () => {
    expect(oneLine('Short one. Second.')).toBe('Short one.');
    const long = `${'word '.repeat(40)}end.`;
    expect(oneLine(long).length).toBeLessThanOrEqual(111);
    expect(oneLine(long).endsWith('…')).toBe(true);
  });
});
