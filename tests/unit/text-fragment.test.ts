import { describe, expect, it } from 'vitest';
import { encodeTextDirectivePart, passageUrl, textDirective } from '../../src/lib/links/text-fragment.ts';
import { fragmentAnchor, landing } from '../../src/lib/search/landing.ts';

describe('text-fragment links to a passage', () => {
  it('encode the characters that separate parts of a directive', () => {
    expect(encodeTextDirectivePart('IL-7, TNF-α & RANKL')).toBe('IL%2D7%2C%20TNF%2D%CE%B1%20%26%20RANKL');
  });

  it('a short selection is quoted whole', () => {
    expect(textDirective('serum  IL-7\nlevels')).toBe('text=serum%20IL%2D7%20levels');
  });

  it('a long selection is matched by its first and last words', () => {
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textDirective(long)).toBe('text=one%20two%20three%20four,nine%20ten%20eleven%20twelve');
  });

  it('the link keeps the section anchor before the directive, so the section is the fallback', () => {
    expect(passageUrl('https://example.org/review/serum-markers/#old', 'il-7', 'serum IL-7 levels')).toBe(
      'https://example.org/review/serum-markers/#il-7:~:text=serum%20IL%2D7%20levels',
    );
    expect(fragmentAnchor('#il-7:~:text=serum%20IL%2D7')).toBe('il-7');
  });

  it('an empty selection links to the section alone', () => {
    expect(passageUrl('https://example.org/a/', 'x', '   ')).toBe('https://example.org/a/#x');
  });
});

describe('landing on a link', () => {
  const has = (id: string) => ['il-7', 'dormancy'].includes(id);
  it('a browser that kept the text directive in the hash is scrolled to the section', () => {
    expect(landing('#il-7:~:text=serum', has, {})).toEqual({ scrollTo: 'il-7' });
  });
  it('a plain anchor that exists is left to the browser', () => {
    expect(landing('#dormancy', has, {})).toBeNull();
  });
  it('a moved anchor is replaced by its declared target', () => {
    expect(landing('#interleukin-7', has, { 'interleukin-7': '#il-7' })).toEqual({ replace: '#il-7' });
  });
  it('an unknown anchor without a redirect is left alone', () => {
    expect(landing('#nothing', has, {})).toBeNull();
  });
});
