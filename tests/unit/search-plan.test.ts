import { describe, expect, it } from 'vitest';
import { factorKeyIndex, searchFactor, type SearchFactor } from '../../src/lib/search/search-terms.ts';
import { addToVocabulary, type Vocabulary } from '../../src/lib/search/typos.ts';
import type { SynonymTable } from '../../src/lib/search/synonyms.ts';
import { FULL, mentionsYear, PARTIAL, planQuery, protectedWords, referencePlan, topicKeys, wordsToCheck } from '../../src/lib/search/plan.ts';

const sf = (id: string, name: string, names: string[], expansion?: string): SearchFactor =>
  searchFactor({ id, name, expansion, summary: '', names: [name, ...names, ...(expansion ? [expansion] : [])] });
const factors = [
  sf('il-7', 'IL-7', ['IL7', 'interleukin-7'], 'interleukin-7'),
  sf('t-cell', 'T cell', ['T cells', 'T lymphocyte']),
  sf('osteoclast', 'osteoclast', ['osteoclasts']),
  sf('denosumab', 'denosumab', []),
];
const index = factorKeyIndex(factors);
const synonyms: SynonymTable = { same: [['autopsy', 'post-mortem']], also: [{ find: ['Xgeva'], add: ['denosumab'] }], spellings: [] };
const vocabulary: Vocabulary = new Map();
addToVocabulary(vocabulary, `${'osteoclasts serum levels metastasis '.repeat(20)} interleukin cells denosumab`, 'text');
addToVocabulary(vocabulary, 'Mundy GR. Stopeck AT. Denosumab compared with zoledronic acid, a randomized double-blind study. 2002 2010.', 'reference');
const data = { index, synonyms, vocabulary };
const ids = (fs: SearchFactor[]) => fs.map((f) => f.id);

describe('planning a query', () => {
  it('a factor name alone is searched by its name and spelled-out name, every pass counting as the whole query, cards first', () => {
    const plan = planQuery('IL7', data);
    expect(ids(plan.named)).toEqual(['il-7']);
    expect(plan.passes).toEqual([
      { query: 'IL-7', matched: FULL },
      { query: 'interleukin-7', matched: FULL },
      { query: 'IL7', matched: FULL },
    ]);
    expect(plan.cardsFirst).toBe(true);
    expect(plan.corrections).toEqual([]);
  });

  it('a factor inside a longer query: the name alone finds part of it, the whole query all of it, and the best page comes before the card', () => {
    const plan = planQuery('serum IL-7 levels', data);
    expect(plan.passes).toContainEqual({ query: 'IL-7', matched: PARTIAL });
    expect(plan.passes).toContainEqual({ query: 'serum IL-7 levels', matched: FULL });
    expect(plan.cardsFirst).toBe(false);
  });

  it('a misspelt word is corrected with the vocabulary, and the correction can name a factor', () => {
    const plan = planQuery('osteoclats', data);
    expect(plan.query).toBe('osteoclasts');
    expect(plan.corrections).toEqual([{ from: 'osteoclats', to: 'osteoclasts' }]);
    expect(ids(plan.named)).toEqual(['osteoclast']);
  });

  it('without the vocabulary (every word had a hit) nothing is corrected', () => {
    const plan = planQuery('osteoclats', { index, synonyms });
    expect(plan.query).toBe('osteoclats');
    expect(plan.corrections).toEqual([]);
  });

  it('an exact search keeps the words as typed even with the vocabulary loaded', () => {
    expect(planQuery('osteoclats', data, { exact: true }).query).toBe('osteoclats');
  });

  it('a question loses its question words; what remains is searched and scored', () => {
    const plan = planQuery('what do T cells do to osteoclasts', data);
    expect(plan.topic).toBe('T cells osteoclasts');
    expect(ids(plan.named)).toEqual(['t-cell', 'osteoclast']);
    expect(plan.words).toEqual(['cells', 'osteoclasts']);
    expect(plan.cardsFirst).toBe(false); // the query had more than names
  });

  it('a synonym widens the query and is named, never replacing it', () => {
    const plan = planQuery('autopsy', data);
    expect(plan.passes[0]).toEqual({ query: 'autopsy', matched: FULL });
    expect(plan.passes.map((p) => p.query)).toContain('post-mortem');
    expect(plan.added).toContain('post-mortem');
  });

  it('a query of several words falls back to each word alone; a single word has no fallback', () => {
    expect(planQuery('serum levels', data).fallback).toEqual(['serum', 'levels']);
    expect(planQuery('serum', data).fallback).toEqual([]);
  });

  it('without any search data the query is searched as typed', () => {
    const plan = planQuery('  IL-7  ', null);
    expect(plan.passes).toEqual([{ query: 'IL-7', matched: FULL }]);
    expect(plan.named).toEqual([]);
  });
});

describe('what a query needs loaded', () => {
  it('factor names are never checked or corrected; stop words and one-letter words are not checked', () => {
    expect([...protectedWords('serum IL-7 levels', index)]).toEqual(['IL', '7']);
    expect(wordsToCheck('what do T cells do to osteoclats in serum', index)).toEqual(['osteoclats', 'serum']);
  });

  it('a word repeated is checked once, folded', () => {
    expect(wordsToCheck('Massagué massague', index)).toEqual(['massague']);
  });

  it('a year makes a query a possible reference look-up before anything is searched', () => {
    expect(mentionsYear(planQuery('Mundy 2002', data))).toBe(true);
    expect(mentionsYear(planQuery('IL-7', data))).toBe(false);
  });

  it('topic keys split at hyphens and drop one-letter pieces', () => {
    expect(topicKeys('double-blind T cells')).toEqual(['double', 'blind', 'cells']);
  });
});

describe('searching the references', () => {
  it('an author the chapters do not have puts the references first', () => {
    const refs = referencePlan(planQuery('Mundy', data), vocabulary);
    expect(refs).toEqual({ words: ['mundy'], authorLike: true, queries: ['Mundy'] });
  });

  it('an author and a year: the year is a reference word, and references come first', () => {
    expect(referencePlan(planQuery('Mundy 2002', data), vocabulary).authorLike).toBe(true);
  });

  it('a query with words the references lack tries the reference words alone when the whole query finds nothing', () => {
    const refs = referencePlan(planQuery('Stopeck serum levels', data), vocabulary);
    expect(refs.queries).toEqual(['Stopeck serum levels', 'stopeck']);
  });

  it('a chapter query whose words also occur in reference titles keeps chapters first', () => {
    const refs = referencePlan(planQuery('denosumab osteoclasts', data), vocabulary);
    expect(refs.words).toEqual(['denosumab']);
    expect(refs.authorLike).toBe(false);
  });

  it('a query with no reference word does not search the references', () => {
    expect(referencePlan(planQuery('serum levels', data), vocabulary).queries).toEqual([]);
  });
});
