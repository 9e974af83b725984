import { describe, expect, it } from 'vitest';
import { authorYear, earlyReferenceEntry, earlyReferences, earlyReferenceStatus, earlyReferenceVocabulary, type EarlyReference } from '../../src/lib/search/early-references.ts';
import { planQuery, referencePlan } from '../../src/lib/search/plan.ts';

const ref = (key: string, number: number, families: string[], year?: number): EarlyReference =>
  earlyReferenceEntry({ key, number, title: `${families[0]} et al., ${year ?? ''}`, confidence: 'Identified', level: 'identified', families, year, cited: '' });
const mundy = ref('mundy2002', 30, ['Mundy'], 2002);
const yin = ref('yin1999', 41, ['Yin', 'Selander', 'Mundy', 'Guise'], 1999);
const guise = ref('guise2002', 52, ['Guise', 'Mundy'], 2002);
const massague = ref('kang2003', 12, ['Kang', 'Massagué'], 2003);
const refs = [yin, guise, mundy, massague];
const keys = (rs: EarlyReference[]) => rs.map((r) => r.k);

describe('which queries are author-and-year look-ups', () => {
  it('an author and a year is one, with "et al." and "and" allowed between them', () => {
    expect(authorYear('Mundy 2002')).toEqual({ names: ['mundy'], years: [2002] });
    expect(authorYear('Guise and Mundy, 2002')).toEqual({ names: ['guise', 'mundy'], years: [2002] });
    expect(authorYear('Stopeck et al. 2010')).toEqual({ names: ['stopeck'], years: [2010] });
  });

  it('a name alone, a year alone, or a word with digits beside a year is not', () => {
    expect(authorYear('Mundy')).toBeNull();
    expect(authorYear('2002')).toBeNull();
    expect(authorYear('IL-7 2002')).toBeNull();
    expect(authorYear('CD133 2010')).toBeNull();
  });
});

describe('the early reference list', () => {
  it('lists the references with every named author and the year, first authors first, then in the review’s order', () => {
    expect(keys(earlyReferences('Mundy 2002', refs))).toEqual(['mundy2002', 'guise2002']);
    expect(keys(earlyReferences('Guise Mundy 2002', refs))).toEqual(['guise2002']);
    expect(keys(earlyReferences('Mundy 1999', refs))).toEqual(['yin1999']);
  });

  it('matches names without their accents or capitals, as readers type them', () => {
    expect(keys(earlyReferences('massague 2003', refs))).toEqual(['kang2003']);
    expect(keys(earlyReferences('MASSAGUÉ 2003', refs))).toEqual(['kang2003']);
  });

  it('is empty when no reference has that author in that year, or the query is not a look-up', () => {
    expect(earlyReferences('Mundy 2010', refs)).toEqual([]);
    expect(earlyReferences('Mundy', refs)).toEqual([]);
    // Read as names, a question's words name no author: nothing shows before the full results.
    expect(earlyReferences('what did Mundy find in 2002?', refs)).toEqual([]);
  });

  it('keeps at most the number the full results show', () => {
    const many = Array.from({ length: 8 }, (_, i) => ref(`smith${i}`, i + 1, ['Smith'], 2001));
    expect(earlyReferences('Smith 2001', many, 5)).toHaveLength(5);
  });
});

describe('the full search after early reference results', () => {
  it('plans the same reference search from the look-up’s words as the typo vocabulary would give', () => {
    const plan = planQuery('Mundy 2002', null);
    const fromEarly = referencePlan(plan, earlyReferenceVocabulary('Mundy 2002'));
    expect(fromEarly.authorLike).toBe(true);
    expect(fromEarly.queries[0]).toBe('Mundy 2002');
    expect(fromEarly.words.length).toBeGreaterThan(0);
  });
});

describe('the status line under early reference results', () => {
  it('says what is shown and that the full results are coming, without counting anything as found', () => {
    expect(earlyReferenceStatus(1)).toBe('The reference with these authors and year first. Full results loading…');
    expect(earlyReferenceStatus(2)).toMatch(/^References with these authors and year first\. Full results loading…$/);
    expect(earlyReferenceStatus(2)).not.toMatch(/found/i);
  });
});
