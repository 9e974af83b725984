import { describe, expect, it } from 'vitest';
import { parseSynonyms, siteSynonyms } from '../../src/lib/search/synonyms-file.ts';
import { synonymTerms, widenWithSynonyms } from '../../src/lib/search/synonyms.ts';

const table = siteSynonyms();

describe('the synonym table (content/search-synonyms.yaml)', () => {
  it('parses and holds the plain-language, clinical, brand and class terms the issue asks for', () => {
    const terms = synonymTerms(table).map((t) => t.toLowerCase());
    for (const t of ['autopsy', 'post-mortem', 'examined after death', 'vicious circle', 'vicious cycle', 'bone scan', 'scintigraphy', 'bisphosphonate', 'xgeva', 'prolia', 'zometa', 'denosumab', 'zoledronic acid']) {
      expect(terms).toContain(t);
    }
  });

  it('a group of one word is an error naming the file, the line and the fix', () => {
    const text = 'same:\n  - [autopsy, post-mortem]\n  - [lonely]\n';
    expect(() => parseSynonyms(text, 'syn.yaml')).toThrow(/^syn\.yaml:3:5: at same\.1: a group needs at least two words/);
  });

  it('a word in two groups is an error naming the line', () => {
    const text = 'same:\n  - [autopsy, post-mortem]\n  - [Post-mortem, necropsy]\n';
    expect(() => parseSynonyms(text, 'syn.yaml')).toThrow(/^syn\.yaml:3:6: "Post-mortem" is already in group 1 of "same" \(syn\.yaml:2:5\)\. Merge the two groups\./);
  });

  it('an unknown section or a bad YAML line is an error naming the line', () => {
    expect(() => parseSynonyms('same: []\nsynonyms: []\n', 'syn.yaml')).toThrow(/^syn\.yaml:2:1: "synonyms" is not a part of the synonym table/);
    expect(() => parseSynonyms('same:\n  - [a, b\n', 'syn.yaml')).toThrow(/^syn\.yaml:3:1: the YAML does not parse/);
    expect(() => parseSynonyms('also:\n  - find: [Xgeva]\n', 'syn.yaml')).toThrow(/^syn\.yaml:2:5: at also\.0\.add/);
  });
});

describe('synonyms widen a query, never replace it', () => {
  it('autopsy adds post-mortem and "examined after death", as a phrase', () => {
    const w = widenWithSynonyms('autopsy', table);
    expect(w.added).toEqual(expect.arrayContaining(['post-mortem', 'examined after death']));
    expect(w.queries).toContain('"examined after death"');
    expect(w.added).not.toContain('autopsy');
  });

  it('the other words of the query stay in every widened query', () => {
    const w = widenWithSynonyms('vicious circle osteoclasts', table);
    expect(w.queries).toEqual(['"vicious cycle" osteoclasts']);
    expect(w.added).toEqual(['vicious cycle']);
  });

  it('brands and classes lead one way: Xgeva finds denosumab, denosumab does not add Xgeva', () => {
    expect(widenWithSynonyms('Xgeva', table).added).toEqual(['denosumab']);
    expect(widenWithSynonyms('Prolia', table).added).toEqual(['denosumab']);
    expect(widenWithSynonyms('Zometa', table).added).toEqual(['zoledronic acid']);
    expect(widenWithSynonyms('bisphosphonate', table).added).toEqual(['zoledronic acid']);
    expect(widenWithSynonyms('denosumab', table).added).toEqual([]);
  });

  it('US and UK spellings find each other, word endings kept', () => {
    expect(widenWithSynonyms('tumor dormancy', table).queries).toContain('tumour dormancy');
    expect(widenWithSynonyms('tumours', table).added).toEqual(['tumors']);
    expect(widenWithSynonyms('oestrogen deficiency', table).queries).toContain('estrogen deficiency');
    expect(widenWithSynonyms('hematopoietic niche', table).queries).toContain('haematopoietic niche');
  });

  it('a query with no synonym is left alone', () => {
    expect(widenWithSynonyms('RANKL', table)).toEqual({ queries: [], added: [] });
  });
});
