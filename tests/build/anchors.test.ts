/**
 * The anchor contract: every anchor ever published (content/anchors.published.json) still resolves in
 * the built site, or content/redirects.yaml says where it went. Run "npm run anchors:publish"
 * after a build to add new anchors to the published set; never to drop old ones.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { brokenAnchors, loadRedirects, type AnchorsManifest } from '../../src/lib/links/redirects.ts';
import { builtPages } from '../helpers/dist.ts';

const published = JSON.parse(readFileSync('content/anchors.published.json', 'utf8')) as AnchorsManifest;
const current = JSON.parse(readFileSync('dist/anchors.json', 'utf8')) as AnchorsManifest;
const redirects = loadRedirects('content/redirects.yaml');

describe('the anchor contract', () => {
  it('no published anchor has disappeared without a declared redirect', () => {
    const broken = brokenAnchors(published, current, redirects);
    expect(broken, broken.map((b) => `${b.page}#${b.anchor} ("${b.label}") is gone: restore it or add it to content/redirects.yaml`).join('\n')).toEqual([]);
  });

  it('every published page still exists, or redirects', () => {
    const moved = new Set(redirects.pages.map((r) => r.from));
    for (const page of Object.keys(published)) expect(builtPages().has(page) || moved.has(page), page).toBe(true);
  });

  it('/anchors.json lists every chapter section with its heading, and the reference entries', () => {
    expect(current['/serum-markers/']?.['il-7']).toBe('IL-7 as a candidate marker');
    expect(current['/introduction/']?.['bib-ferlay2013']).toMatch(/Reference 1 of the review/);
    expect(current['/references/']?.['mundy2002']).toMatch(/Mundy/);
    expect(Object.keys(current['/factors/'] ?? {})).toContain('vicious-cycle-diagram');
  });

  it('the published snapshot holds the chapters’ sections', () => {
    for (const chapter of ['/introduction/', '/bone-niche/', '/osteoclast-factors/', '/immune-regulation/', '/serum-markers/', '/conclusion/']) {
      expect(Object.keys(published[chapter] ?? {}).length, chapter).toBeGreaterThan(3);
    }
  });
});
