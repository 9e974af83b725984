import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBibliography, BibliographyError, SOURCE_REVIEW_KEY } from '../../src/lib/bibliography/bibliography.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const fixture = (name: string) => {
  const file = `tests/fixtures/bibtex/${name}`;
  return () => parseBibliography(readFileSync(file, 'utf8'), file);
};

describe('the project bibliography', () => {
  const bib = projectBibliography();

  it('holds the review and its 85 references, 86 entries in all', () => {
    expect(bib.entries.size).toBe(86);
    expect(bib.review.key).toBe(SOURCE_REVIEW_KEY);
    expect(bib.review.csl.DOI).toBe('10.5306/wjco.v5.i2.149');
  });

  it('numbers the references 1 to 85, each number once', () => {
    expect(bib.byReviewNumber.map((e) => e.reviewNumber)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
  });

  it('keeps the identification counts of the sources README (14 high, 32 medium, 26 low, 13 unidentified)', () => {
    const count = (c: string) => bib.byReviewNumber.filter((e) => e.confidence === c).length;
    expect([count('high'), count('medium'), count('low'), count('unidentified')]).toEqual([14, 32, 26, 13]);
  });

  it('keeps PubMed and PMC identifiers that citation-js would drop', () => {
    expect(bib.entries.get('tsuya2007')?.csl.PMID).toBe('17451841');
    expect([...bib.entries.values()].filter((e) => e.csl.PMCID).length).toBe(9);
  });
});

describe('a bad bibliography fails with the file, line and entry named', () => {
  it('a malformed BibTeX entry is named with its line', () => {
    expect(fixture('malformed.bib')).toThrow(BibliographyError);
    expect(fixture('malformed.bib')).toThrow(/tests\/fixtures\/bibtex\/malformed\.bib:\d+: the BibTeX does not parse inside entry "broken2002" \(starting at line 9\)/);
  });

  it('an entry without its number in the review is named, with what to add', () => {
    expect(fixture('no-review-number.bib')).toThrow(/no-review-number\.bib:7: entry "orphan2010" needs "reviewnumber"/);
  });

  it('a DOI that is not a DOI (a javascript: URL) is refused', () => {
    expect(fixture('hostile-doi.bib')).toThrow(/hostile-doi\.bib:7: entry "evil2020", field DOI: a DOI looks like 10\.1234\/abc/);
  });
});
