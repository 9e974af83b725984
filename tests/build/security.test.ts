/**
 * Security of the built site: a Content-Security-Policy on every page and in _headers, without
 * 'unsafe-inline' or 'unsafe-eval' for scripts, and no inline script that would need them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { attr, builtPages } from '../helpers/dist.ts';
const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

describe('Content-Security-Policy', () => {
  it('every page carries a CSP meta tag whose script-src allows no inline script and no eval', () => {
    for (const page of builtPages().values()) {
      const csp = attr(select('meta[http-equiv="content-security-policy"]', page.tree), 'content');
      const scripts = directive(csp, 'script-src');
      expect(scripts, page.path).toMatch(/^script-src 'self'/);
      expect(scripts, page.path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(directive(csp, 'object-src'), page.path).toBe("object-src 'none'");
    }
  });

  it('no page has an inline script other than JSON data', () => {
    for (const page of builtPages().values()) {
      for (const s of selectAll('script:not([src])', page.tree)) {
        expect(attr(s, 'type'), `${page.path}: ${toString(s).slice(0, 60)}`).toMatch(/^application\/(ld\+)?json$/);
      }
    }
  });

  it('_headers sends the same policy, frame-ancestors, nosniff, and long caching for hashed assets', () => {
    const headers = readFileSync('dist/_headers', 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; .*frame-ancestors 'none'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toMatch(/\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  });
});
