import { describe, expect, it } from 'vitest';
import { citationParts, compressNumbers, entriesInReviewOrder, numberListText, sortByReviewNumber } from '../../src/lib/bibliography/citation-numbers.ts';
import { projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
/** A group as a reader sees it, with each shown number's link target: "(5[pantel1996]–8[brown2005])". */
const rendered = (keys: string[]) =>
  `(${citationParts(bib, keys)
    .map((p) => (p.kind === 'number' ? `${p.number}[${p.key}]` : p.text))
    .join('')})`;

describe('one numbering: the review’s', () => {
  it('three or more consecutive numbers collapse to a range, two stay a pair', () => {
    expect(compressNumbers([8, 5, 6, 7])).toEqual([[5, 8]]);
    expect(compressNumbers([3, 7, 72, 73, 74, 85, 84])).toEqual([3, 7, [72, 74], 84, 85]);
    expect(numberListText([3, 7, ...Array.from({ length: 14 }, (_, i) => 72 + i)])).toBe('3, 7, 72–85');
  });

  it('each number of a range links to its own entry: in (5–8) the 8 is reference 8', () => {
    expect(rendered(['pantel1996', 'tsuya2007', 'brown2005', 'langer2010'])).toBe('(5[pantel1996]–8[langer2010])');
  });

  it('numbers follow the review, not the order the keys were written in', () => {
    expect(rendered(['brown2005', 'daddario2010'])).toBe('(3[daddario2010],7[brown2005])');
    expect(sortByReviewNumber(bib, ['brown2005', 'daddario2010', 'brown2005'])).toEqual(['daddario2010', 'brown2005']);
    expect(entriesInReviewOrder(bib, ['langer2010', 'ferlay2013']).map((e) => e.reviewNumber)).toEqual([1, 8]);
  });

  it('the review itself has no number: citing it is refused with what to do instead', () => {
    expect(() => citationParts(bib, ['roato2014review'], 'content/factors.yaml')).toThrow(
      /content\/factors\.yaml: "roato2014review" is the review this site presents; it has no number .* Cite the reference the review gives for the claim instead\./,
    );
  });

  it('an unknown key is named with the bibliography file', () => {
    expect(() => citationParts(bib, ['nosuch1999'])).toThrow(/"nosuch1999" is not in content\/bibliography\.bib/);
  });
});
