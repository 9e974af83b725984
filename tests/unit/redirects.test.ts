import { describe, expect, it } from 'vitest';
import { anchorRedirectsFor, brokenAnchors, parseRedirects, redirectLoops } from '../../src/lib/links/redirects.ts';

const published = { '/serum-markers/': { 'il-7': 'IL-7 as a candidate marker', markers: 'Bone-turnover markers' }, '/old-chapter/': { a: 'A' } };

describe('the anchor contract', () => {
  it('an anchor that still exists is fine', () => {
    expect(brokenAnchors(published, { ...published }, parseRedirects('', 'r.yaml'))).toEqual([]);
  });

  it('an anchor that disappears without a redirect breaks the contract, named with its page and heading', () => {
    const current = { '/serum-markers/': { 'il-7': 'IL-7' }, '/old-chapter/': { a: 'A' } };
    expect(brokenAnchors(published, current, parseRedirects('', 'r.yaml'))).toEqual([{ page: '/serum-markers/', anchor: 'markers', label: 'Bone-turnover markers' }]);
  });

  it('a declared anchor redirect to an existing id keeps the contract', () => {
    const current = { '/serum-markers/': { 'il-7': 'IL-7', 'bone-turnover-markers': 'B' }, '/old-chapter/': { a: 'A' } };
    const r = parseRedirects('anchors:\n  - { page: /serum-markers/, from: markers, to: bone-turnover-markers }\n', 'r.yaml');
    expect(brokenAnchors(published, current, r)).toEqual([]);
    expect(anchorRedirectsFor('/serum-markers/', r)).toEqual({ markers: '#bone-turnover-markers' });
  });

  it('a section moved to another page redirects there, under the base path', () => {
    const current = { '/serum-markers/': published['/serum-markers/'], '/old-chapter/': { a: 'A' }, '/about/': { 'how-to-cite': 'How to cite' } };
    const r = parseRedirects('anchors:\n  - { page: /conclusion/, from: how-to-cite, to: /about/#how-to-cite }\n', 'r.yaml');
    expect(brokenAnchors({ ...published, '/conclusion/': { 'how-to-cite': 'How to cite' } }, { ...current, '/conclusion/': {} }, r)).toEqual([]);
    expect(anchorRedirectsFor('/conclusion/', r)).toEqual({ 'how-to-cite': '/about/#how-to-cite' });
    expect(anchorRedirectsFor('/conclusion/', r, '/review/')).toEqual({ 'how-to-cite': '/review/about/#how-to-cite' });
  });

  it('a redirect to an id that does not exist does not count', () => {
    const current = { '/serum-markers/': { 'il-7': 'IL-7' }, '/old-chapter/': { a: 'A' } };
    const r = parseRedirects('anchors:\n  - { page: /serum-markers/, from: markers, to: nowhere }\n', 'r.yaml');
    expect(brokenAnchors(published, current, r).map((b) => b.anchor)).toEqual(['markers']);
  });

  it('a moved page carries its anchors to the new URL', () => {
    const current = { '/serum-markers/': published['/serum-markers/'], '/new-chapter/': { a: 'A' } };
    const r = parseRedirects('pages:\n  - { from: /old-chapter/, to: /new-chapter/ }\n', 'r.yaml');
    expect(brokenAnchors(published, current, r)).toEqual([]);
  });

  it('a malformed redirect names the file and the field', () => {
    expect(() => parseRedirects('pages:\n  - { from: old, to: /new/ }\n', 'content/redirects.yaml')).toThrow(/content\/redirects\.yaml:2:13: "pages\.0\.from" a site path/);
  });
});

describe('redirect loops', () => {
  it('two page redirects that point at each other fail, naming the line and the loop', () => {
    const text = 'pages:\n  - { from: /a/, to: /b/ }\n  - { from: /b/, to: /a/ }\n';
    expect(() => parseRedirects(text, 'content/redirects.yaml')).toThrow(
      /content\/redirects\.yaml:2:5: the page redirects form a loop: \/a\/ → \/b\/ → \/a\/, so a reader following them never arrives\. Remove one of these redirects/,
    );
  });

  it('a longer chain back to its start and a redirect to itself are loops; a chain that ends is not', () => {
    const chain = parseRedirects('pages:\n  - { from: /a/, to: /b/ }\n  - { from: /b/, to: /c/ }\n', 'r.yaml');
    expect(redirectLoops(chain)).toEqual([]);
    expect(redirectLoops({ pages: [...chain.pages, { from: '/c/', to: '/a/' }], anchors: [] }).map((l) => l.message)).toEqual([
      'the page redirects form a loop: /a/ → /b/ → /c/ → /a/, so a reader following them never arrives. Remove one of these redirects, or point it to where the content lives now.',
    ]);
    expect(redirectLoops({ pages: [{ from: '/a/', to: '/a/' }], anchors: [] })).toHaveLength(1);
  });

  it('anchor redirects that lead back to their first id fail, with the page named', () => {
    const text = 'anchors:\n  - { page: /serum-markers/, from: markers, to: il-7 }\n  - { page: /serum-markers/, from: il-7, to: "#markers" }\n';
    expect(() => parseRedirects(text, 'content/redirects.yaml')).toThrow(/redirects\.yaml:2:5: the anchor redirects form a loop: \/serum-markers\/#markers → \/serum-markers\/#il-7 → \/serum-markers\/#markers/);
  });
});
