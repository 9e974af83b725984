/**
 * A hostile bibliography: a reference title carrying markup and a javascript: URL in its journal
 * name renders as inert text in chapter pages, citation previews, meta tags, JSON-LD and exports.
 * A javascript: URL in a URL or DOI field is refused at build time (tests/unit/bibliography.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { buildAndServe, type BuildResult, type ServedBuild } from '../helpers/build-fixture.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const EVIL_TITLE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Metastasis to bone';
const EVIL_JOURNAL = 'javascript:window.pwned=3';
let served: ServedBuild;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const bib = readFileSync('content/bibliography.bib', 'utf8').replace(
    /(@article\{mundy2002,[\s\S]*?title = )\{\{[^}]*\}\},\n {2}journal = \{[^}]*\},/,
    `$1{{${EVIL_TITLE}}},\n  journal = {${EVIL_JOURNAL}},`,
  );
  expect(bib).toContain(EVIL_TITLE);
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  writeFileSync(join(dir, 'hostile.bib'), bib);
  served = await buildAndServe({ BIBLIOGRAPHY: join(dir, 'hostile.bib') });
  ({ build, server, browser } = served);
}, 240_000);

afterAll(async () => served?.close());

describe('a hostile bibliography entry stays inert', () => {
  it('chapter pages show the title as text: no element is made of it, in the list, the meta tags or the JSON-LD', () => {
    const tree = fromHtml(readFileSync(join(build.outDir, 'osteoclast-factors/index.html'), 'utf8'));
    expect(selectAll('script', tree).filter((s) => toString(s).includes('window.pwned') && s.properties?.['type'] !== 'application/ld+json')).toEqual([]);
    // The chapter's own QR code (for print) and its figures' phone drawings are the only images it may have.
    expect(selectAll('img:not(.print-qr):not(.fig-phone)', tree)).toEqual([]);
    expect(selectAll('a[href^="javascript:"], a[href^="JAVASCRIPT:"]', tree)).toEqual([]);
    expect(toString(select('#bib-mundy2002 .ref-text', tree) ?? tree)).toContain(EVIL_TITLE);
    const refs = selectAll('meta[name="citation_reference"]', tree).map((m) => String(m.properties?.['content']));
    expect(refs.some((c) => c.startsWith(`citation_title=${EVIL_TITLE}; `))).toBe(true);
    const ld = JSON.parse(toString(select('script[type="application/ld+json"]', tree) ?? tree)) as { citation: { name: string }[] };
    expect(ld.citation.map((c) => c.name)).toContain(EVIL_TITLE);
  });

  it('the exports carry the title as data', () => {
    const json = JSON.parse(readFileSync(join(build.outDir, 'references.json'), 'utf8')) as { id: string; title?: string }[];
    expect(json.find((i) => i.id === 'mundy2002')?.title).toBe(EVIL_TITLE);
    expect(readFileSync(join(build.outDir, 'references.ris'), 'utf8')).toContain('window.pwned=1');
  });

  it('in the browser, the page, its preview and the references page run nothing and create no image', async () => {
    const page = await browser.newPage();
    for (const path of ['osteoclast-factors/', 'references/']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), path).toBeUndefined();
      expect(await page.locator('main img:not(.print-qr):not(.fig-phone)').count(), path).toBe(0);
    }
    await page.goto(`${server.url}osteoclast-factors/`);
    // The chapter's script has run; the preview itself loads on this first hover.
    await page.waitForFunction(() => customElements.get('section-link') !== undefined);
    await page.locator('.prose .citation[data-cites~="mundy2002"] a').first().hover();
    await page.waitForSelector('.citation-popover');
    expect(await page.locator('.citation-popover').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('.citation-popover img, .citation-popover script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});
