import { describe, expect, it } from 'vitest';
import { findCitationKeys, lineAndColumn } from '../../src/lib/bibliography/citation-keys.ts';

describe('findCitationKeys', () => {
  it('reads a single bracketed key', () => {
    expect(findCitationKeys('bone [@mundy2002].').map((m) => m.key)).toEqual(['mundy2002']);
  });

  it('reads every key of a group, in order', () => {
    expect(findCitationKeys('x [@tsuya2007; @brown2005] y').map((m) => m.key)).toEqual(['tsuya2007', 'brown2005']);
  });

  it('reads a key with a locator without the locator', () => {
    expect(findCitationKeys('[@roodman2004, p. 1656]').map((m) => m.key)).toEqual(['roodman2004']);
  });

  it('reads a narrative citation but not an e-mail address', () => {
    expect(findCitationKeys('As @klein2009 argued; write to a@b.org').map((m) => m.key)).toEqual(['klein2009']);
  });

  it('gives the offset of each "@", so errors can name the line', () => {
    const text = 'first line\nsecond [@abc]';
    const [match] = findCitationKeys(text);
    expect(match?.index).toBe(text.indexOf('@'));
    expect(lineAndColumn(text, match?.index ?? 0)).toEqual({ line: 2, column: 9 });
  });

  it('finds nothing in plain prose with brackets', () => {
    expect(findCitationKeys('80-85% [of cases] (see below)')).toEqual([]);
  });
});
