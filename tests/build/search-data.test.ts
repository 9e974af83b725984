/**
 * The search data the build writes besides the chapter index: the references' own Pagefind index,
 * the typo vocabulary and the synonym table, read from dist/.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { decodeVocabulary } from '../../src/lib/search/typos.ts';
import type { ReferenceRecord } from '../../src/lib/search/reference-records.ts';
import { encodeCitedIn } from '../../src/lib/search/cited-in.ts';
import type { EarlyReference } from '../../src/lib/search/early-references.ts';
import { selectAll } from 'hast-util-select';
import { attr, builtPage } from '../helpers/dist.ts';

describe('the references index', () => {
  it('holds one record for each of the 85 references, apart from the chapter index', () => {
    const entry = JSON.parse(readFileSync('dist/pagefind-references/pagefind-entry.json', 'utf8'));
    expect(entry.languages.en.page_count).toBe(85);
    const chapters = JSON.parse(readFileSync('dist/pagefind/pagefind-entry.json', 'utf8'));
    expect(chapters.languages.en.page_count).toBeLessThan(20);
  });

  it('each record links to its entry on /references/, which exists, with its number and the sections citing it', () => {
    const records = JSON.parse(readFileSync('dist/search-references.json', 'utf8')) as ReferenceRecord[];
    expect(records).toHaveLength(85);
    const ids = new Set(selectAll('[id]', builtPage('/references/').tree).map((el) => attr(el, 'id')));
    for (const r of records) {
      expect(r.url).toBe(`/references/#${r.key}`);
      expect(ids.has(r.key), r.key).toBe(true);
    }
    expect(records.map((r) => r.number)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    const mundy = records.find((r) => r.key === 'mundy2002');
    expect(mundy?.content).toContain('Mundy GR');
    expect(mundy?.citedIn.length).toBeGreaterThan(0);
  });

  it('ships only what the search page uses: no copy of the Pagefind UIs', () => {
    expect(existsSync('dist/pagefind-references/pagefind.js')).toBe(true);
    expect(existsSync('dist/pagefind-references/pagefind-ui.js')).toBe(false);
  });
});

describe('the reference names for early results', () => {
  const records = JSON.parse(readFileSync('dist/search-references.json', 'utf8')) as ReferenceRecord[];
  const early = JSON.parse(readFileSync('dist/search-reference-names.json', 'utf8')) as EarlyReference[];

  it('list every reference whose first author and year its result shows, and no other', () => {
    // A result's title is "first author, year, title" when both are known (reference-records.ts).
    const named = records.filter((r) => /^[^\d,][^,]*, (19|20)\d\d\b/.test(r.title));
    expect(named.length).toBeGreaterThan(40);
    expect(early.map((r) => r.k).sort()).toEqual(named.map((r) => r.key).sort());
    expect(early.every((r) => r.a.length > 0 && r.y !== undefined)).toBe(true);
  });

  it('show what the references’ index shows for each: title, number, identification and citing sections', () => {
    for (const r of early) {
      const record = records.find((x) => x.key === r.k);
      expect(record, r.k).toBeDefined();
      expect({ t: r.t, n: r.n, c: r.c, l: r.l, i: r.i }).toEqual({ t: record?.title, n: record?.number, c: record?.confidence, l: record?.level, i: encodeCitedIn(record?.citedIn ?? []) });
    }
  });

  it('carry every author’s family name, folded, and the year: Yin et al. 1999 is found by Massagué and by Mundy', () => {
    const yin = early.find((r) => r.k === 'yin1999');
    expect(yin?.y).toBe(1999);
    expect(yin?.a).toEqual(expect.arrayContaining(['yin', 'massague', 'mundy', 'guise']));
  });
});

describe('the typo vocabulary', () => {
  const vocabulary = decodeVocabulary(readFileSync('dist/search-vocabulary.txt', 'utf8'));

  it('has the words of the chapters, the factor names, the synonyms and the references’ authors', () => {
    for (const w of ['osteoclasts', 'metastasis', 'deficiency', 'interleukin', 'radiolucent', 'denosumab', 'autopsy', 'xgeva']) expect(vocabulary.has(w), w).toBe(true);
    expect(vocabulary.get('mundy')).toMatchObject({ reference: true, text: false });
    expect(vocabulary.get('massague')?.reference).toBe(true);
    expect(vocabulary.get('rankl')?.abbreviation).toBe(true);
  });

  it('keeps out the text the index keeps out: navigation and footers', () => {
    expect(vocabulary.has('skip')).toBe(false);
  });
});

describe('the synonym table', () => {
  it('is served checked, for the search page', () => {
    const table = JSON.parse(readFileSync('dist/search-synonyms.json', 'utf8'));
    expect(table.same.length).toBeGreaterThan(0);
    expect(table.also.some((r: { find: string[] }) => r.find.includes('Xgeva'))).toBe(true);
  });
});
