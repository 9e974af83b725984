/**
 * The addresses the site hands out carry no state: whatever query a reader arrived with
 * (?highlight= from search), a copied link, a cite text, an embed code or a QR code holds the
 * page's canonical address with the section's fragment.
 */
import { describe, expect, it } from 'vitest';
import { canonicalLocation, canonicalPageUrl, canonicalSectionUrl, withBase } from '../../src/lib/links/urls.ts';

describe('canonical addresses', () => {
  const arrived = 'https://example.org/review/osteoclast-factors/?highlight=pthrp#pthrp-micrornas';

  it('a page address loses its query and fragment', () => {
    expect(canonicalPageUrl(arrived)).toBe('https://example.org/review/osteoclast-factors/');
    expect(canonicalPageUrl('http://127.0.0.1:4321/x/?a=1&b=2')).toBe('http://127.0.0.1:4321/x/');
  });

  it('a section address is the page without query, with the section\'s fragment', () => {
    expect(canonicalSectionUrl(arrived, 'pthrp-micrornas')).toBe('https://example.org/review/osteoclast-factors/#pthrp-micrornas');
    expect(canonicalSectionUrl('https://example.org/x/?utm_source=mail#old', 'il-7')).toBe('https://example.org/x/#il-7');
    expect(canonicalSectionUrl(arrived, '')).toBe('https://example.org/review/osteoclast-factors/');
  });

  it('the address-bar form keeps the path and fragment and drops the query', () => {
    expect(canonicalLocation(arrived, 'pthrp-micrornas')).toBe('/review/osteoclast-factors/#pthrp-micrornas');
  });

  it('the base path joins with a site path, with or without slashes', () => {
    expect(withBase('/review', '/x/')).toBe('/review/x/');
    expect(withBase('/', 'x/')).toBe('/x/');
  });
});
