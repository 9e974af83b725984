import { describe, expect, it } from 'vitest';
import {
  addToVocabulary,
  correctQuery,
  correctWord,
  decodeVocabulary,
  editDistance,
  editLimit,
  encodeVocabulary,
  foldWord,
  lightStem,
  type Vocabulary,
} from '../../src/lib/search/typos.ts';

function vocabularyOf(text: string, references = ''): Vocabulary {
  const v: Vocabulary = new Map();
  addToVocabulary(v, text, 'text');
  if (references) addToVocabulary(v, references, 'reference');
  return v;
}

const site = vocabularyOf(
  `${'Osteoclasts resorb bone. '.repeat(20)} osteoclast metastasis metastases deficiency oestrogen interleukin interleukins
   vicious cycle hiding predicted NTX CTX ICTP RANKL BALP CD133 radiolucent scintigraphy suppressor`,
  'Mundy GR. Massagué J. Metastasis to bone. Nature Reviews Cancer. 2002.',
);

describe('edit distance', () => {
  it('counts a swap of two neighbouring letters as one edit (Damerau-Levenshtein)', () => {
    expect(editDistance('osteoclats', 'osteoclast')).toBe(1);
    expect(editDistance('hypoxai', 'hypoxia')).toBe(1);
    expect(editDistance('metastsis', 'metastasis')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('gives up past the limit and says so with limit + 1', () => {
    expect(editDistance('osteoclast', 'radiolucent', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('allows more edits for longer words, none for short ones', () => {
    expect(editLimit('ntx')).toBe(0);
    expect(editLimit('bone')).toBe(0);
    expect(editLimit('dormancy')).toBe(2);
    expect(editLimit('hypoxia')).toBe(1);
  });
});

describe('typo correction', () => {
  it.each([
    ['osteoclats', 'osteoclasts'],
    ['metastsis', 'metastasis'],
    ['defficiency', 'deficiency'],
    ['interlukin', 'interleukin'],
    ['vicous', 'vicious'],
    ['supressor', 'suppressor'],
    ['radiolucnet', 'radiolucent'],
    ['scintigrapy', 'scintigraphy'],
  ])('%s is read as %s', (typed, expected) => {
    expect(correctWord(typed, site)).toBe(expected);
  });

  it('a word the site has stands as typed, in any case and with accents or without', () => {
    expect(correctWord('Osteoclasts', site)).toBeNull();
    expect(correctWord('Massagué', site)).toBeNull();
    expect(correctWord('massague', site)).toBeNull();
  });

  it('another form of a word the site has is not a typo ("hide" for "hiding", "predicts" for "predicted")', () => {
    expect(correctWord('hide', site)).toBeNull();
    expect(correctWord('predicts', site)).toBeNull();
    expect(lightStem('hiding')).toBe(lightStem('hide'));
  });

  it('short abbreviations are never corrected into other abbreviations', () => {
    expect(correctWord('CTXX', site)).toBeNull();
    expect(correctWord('NTXs', site)).toBeNull();
    expect(correctWord('RANKLL', site)).toBeNull();
    expect(correctWord('BALF', site)).toBeNull();
  });

  it('words with digits are left alone: they are names (IL7, CD133), not typos', () => {
    expect(correctWord('CD134', site)).toBeNull();
    expect(correctWord('il7', site)).toBeNull();
  });

  it('a word that is nowhere near any word of the site stands as typed', () => {
    expect(correctWord('xylophone', site)).toBeNull();
  });

  it('a one-off word yields to a common word one edit away, but only a long one', () => {
    const v = vocabularyOf(`${'osteoclasts '.repeat(20)} osteoclastz`);
    expect(correctWord('osteoclastz', v)).toBe('osteoclasts');
    expect(correctWord('osteoclasts', v)).toBeNull();
  });

  it('a query keeps its other words, spacing and protected words, and lists each change', () => {
    expect(correctQuery('oestrogen defficiency', site)).toEqual({ query: 'oestrogen deficiency', corrections: [{ from: 'defficiency', to: 'deficiency' }] });
    expect(correctQuery('interlukin 7', site).query).toBe('interleukin 7');
    expect(correctQuery('osteoclats metastsis', site, (w) => w === 'osteoclats').query).toBe('osteoclats metastasis');
  });
});

describe('the vocabulary as shipped', () => {
  it('is front-coded and reads back the same words with their flags', () => {
    const text = encodeVocabulary(site);
    const back = decodeVocabulary(text);
    expect([...back.keys()].sort()).toEqual([...site.keys()].sort());
    expect(back.get('mundy')).toMatchObject({ reference: true, text: false });
    expect(back.get('ntx')).toMatchObject({ abbreviation: true, text: true });
    expect(back.get('osteoclasts')?.count).toBeGreaterThanOrEqual(16);
    expect(text.length).toBeLessThan([...site.keys()].join('\n').length + site.size * 4);
  });

  it('keeps no bare numbers: they are never corrected, nor corrected into', () => {
    expect(site.has('2002')).toBe(false);
  });

  it('a damaged vocabulary file is an error naming the line and the fix', () => {
    expect(() => decodeVocabulary('0bone 3t\nnot a line\n')).toThrow(/line 2: .*Rebuild the site/);
  });

  it('folds case and accents', () => {
    expect(foldWord('Massagué')).toBe('massague');
  });
});
