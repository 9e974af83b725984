/**
 * One fixture build, checked twice over:
 * - The whole site built with BASE_PATH=/review/ and served under /review/, as on GitHub Pages project
 *   sites: every internal link, asset and anchor resolves, search works, the exports download, and
 *   declared redirects lead to the new pages and anchors.
 * - A hostile bibliography (the same build): a reference title carrying markup and a javascript: URL in
 *   its journal name renders as inert text in chapter pages, citation previews, meta tags, JSON-LD and
 *   exports. A javascript: URL in a URL or DOI field is refused at build time (tests/unit/bibliography.test.ts).
 * One build instead of two: neither input changes what the other checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Browser } from 'playwright-core';
import { buildAndServe, type BuildResult, type ServedBuild } from '../helpers/build-fixture.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const BASE = '/review/';
const EVIL_TITLE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Metastasis to bone';
const EVIL_JOURNAL = 'javascript:window.pwned=3';
let served: ServedBuild;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let origin: string;
let scratch: string;

beforeAll(async () => {
  const bib = readFileSync('content/bibliography.bib', 'utf8').replace(
    /(@article\{mundy2002,[\s\S]*?title = )\{\{[^}]*\}\},\n {2}journal = \{[^}]*\},/,
    `$1{{${EVIL_TITLE}}},\n  journal = {${EVIL_JOURNAL}},`,
  );
  expect(bib).toContain(EVIL_TITLE);
  scratch = mkdtempSync(join(tmpdir(), 'hostile-'));
  writeFileSync(join(scratch, 'hostile.bib'), bib);
  served = await buildAndServe(
    { BASE_PATH: BASE, SITE_URL: 'https://example.org', REDIRECTS: 'tests/fixtures/redirects/moved.yaml', BIBLIOGRAPHY: join(scratch, 'hostile.bib') },
    BASE,
  );
  ({ build, server, browser } = served);
  origin = new URL(server.url).origin;
}, 400_000);

afterAll(async () => {
  await served?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function pages(): { path: string; html: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
  return walk(build.outDir).map((file) => ({
    path: `${BASE}${relative(build.outDir, file).split('\\').join('/').replace(/index\.html$/, '')}`,
    html: readFileSync(file, 'utf8'),
  }));
}

const idsCache = new Map<string, Set<string>>();
async function idsOf(path: string): Promise<Set<string>> {
  let ids = idsCache.get(path);
  if (!ids) {
    const html = await (await fetch(`${origin}${path}`)).text();
    ids = new Set(selectAll('[id]', fromHtml(html)).map((el) => String(el.properties?.['id'])));
    idsCache.set(path, ids);
  }
  return ids;
}

describe('the site under /review/', () => {
  it('every internal link, script, stylesheet and image of every page resolves, and every #anchor exists', async () => {
    const checked = new Map<string, number>();
    const problems: string[] = [];
    for (const page of pages()) {
      const tree = fromHtml(page.html);
      const refs = [
        ...selectAll('a[href]', tree).map((el) => String(el.properties?.['href'])),
        ...selectAll('link[href]', tree).map((el) => String(el.properties?.['href'])),
        ...selectAll('script[src], img[src]', tree).map((el) => String(el.properties?.['src'])),
        ...selectAll('form[action]', tree).map((el) => String(el.properties?.['action'])),
      ];
      for (const ref of refs) {
        const url = new URL(ref, `${origin}${page.path}`);
        if (url.origin !== origin) continue;
        if (!url.pathname.startsWith(BASE)) {
          problems.push(`${page.path}: ${ref} leaves ${BASE}`);
          continue;
        }
        if (!checked.has(url.pathname)) checked.set(url.pathname, (await fetch(`${origin}${url.pathname}`)).status);
        if (checked.get(url.pathname) !== 200) problems.push(`${page.path}: ${ref} -> ${checked.get(url.pathname)}`);
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && !(await idsOf(url.pathname)).has(anchor)) problems.push(`${page.path}: ${ref} -> no #${anchor}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked.size).toBeGreaterThan(70);
  });

  it('the exports, sitemap and robots.txt are served under the sub-path with absolute URLs', async () => {
    for (const f of ['references.bib', 'references.ris', 'references.json', 'anchors.json', 'sitemap.xml', 'robots.txt']) {
      expect((await fetch(`${server.url}${f}`)).status, f).toBe(200);
    }
    const sitemap = await (await fetch(`${server.url}sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>https://example.org/review/serum-markers/</loc>');
    expect(await (await fetch(`${server.url}robots.txt`)).text()).toContain('Sitemap: https://example.org/review/sitemap.xml');
    const page = await (await fetch(`${server.url}introduction/`)).text();
    expect(page).toContain('<link rel="canonical" href="https://example.org/review/introduction/">');
  });

  it('search finds a chapter and its result link stays under /review/', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=radiolucent`);
    const first = page.locator('.search-results a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(/^\/review\/introduction\//);
    await first.click();
    await page.waitForURL(/\/review\/introduction\//);
    await page.close();
  });

  it('an author search finds the reference entry, its link under /review/ once', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=Mundy`);
    const first = page.locator('.reference-results a.result-title').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/review/references/#mundy2002');
    await page.close();
  });

  it('an old page URL declared in redirects leads to the new page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}bone-microenvironment/`);
    await page.waitForURL(/\/review\/bone-niche\/$/);
    expect(await page.locator('h1').textContent()).toContain('bone niche');
    await page.close();
  });

  it('the redirect page under /review/ refreshes to /review/bone-niche/ without JavaScript, names it as canonical and links to it', async () => {
    const tree = fromHtml(readFileSync(join(build.outDir, 'bone-microenvironment', 'index.html'), 'utf8'));
    expect(selectAll('meta[http-equiv="refresh"]', tree).map((m) => String(m.properties?.['content']))).toEqual(['0; url=/review/bone-niche/']);
    expect(selectAll('link[rel="canonical"]', tree).map((m) => String(m.properties?.['href']))).toEqual(['https://example.org/review/bone-niche/']);
    expect(selectAll('main p.moved a', tree).map((a) => String(a.properties?.['href']))).toEqual(['/review/bone-niche/']);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}bone-microenvironment/`);
    await page.waitForURL(/\/review\/bone-niche\/$/);
    await context.close();
  });

  it('an old anchor declared in redirects is mapped to its new id on the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}serum-markers/#interleukin-7`);
    await page.waitForFunction('location.hash === "#il-7"');
    expect(await page.evaluate('Math.abs(document.getElementById("il-7").getBoundingClientRect().top) < 200')).toBe(true);
    await page.close();
  });

  it('a missing page answers 404 with a useful page: a search box and the chapter list, under /review/', async () => {
    const res = await fetch(`${server.url}no-such-page/`);
    expect(res.status).toBe(404);
    const tree = fromHtml(await res.text());
    expect(selectAll('h1', tree).map((h) => String(h.children.map((c) => ('value' in c ? c.value : '')).join('')))).toEqual(['Page not found']);
    expect(selectAll('main form[action="/review/search/"] input[name="q"]', tree)).toHaveLength(1);
    expect(selectAll('main .chapter-list a', tree).map((a) => String(a.properties?.['href']))).toEqual(
      ['introduction', 'bone-niche', 'osteoclast-factors', 'immune-regulation', 'serum-markers', 'conclusion'].map((c) => `/review/${c}/`),
    );
  });
});

describe('a hostile bibliography entry stays inert', () => {
  it('chapter pages show the title as text: no element is made of it, in the list, the meta tags or the JSON-LD', () => {
    const tree = fromHtml(readFileSync(join(build.outDir, 'osteoclast-factors/index.html'), 'utf8'));
    expect(selectAll('script', tree).filter((s) => toString(s).includes('window.pwned') && s.properties?.['type'] !== 'application/ld+json')).toEqual([]);
    // The chapter's own QR code (for print) and its figures' phone drawings are the only images it may have.
    expect(selectAll('img:not(.print-qr):not(.fig-phone)', tree)).toEqual([]);
    expect(selectAll('a[href^="javascript:"], a[href^="JAVASCRIPT:"]', tree)).toEqual([]);
    expect(toString(select('#bib-mundy2002 .ref-text', tree) ?? tree)).toContain(EVIL_TITLE);
    // The JSON-LD still parses, cites mundy2002 by its DOI and carries no markup of the title.
    const ldText = toString(select('script[type="application/ld+json"]', tree) ?? tree);
    const ld = JSON.parse(ldText) as { citation: string[] };
    expect(ld.citation).toContain('https://doi.org/10.1038/nrc867');
    expect(ldText).not.toContain('<script');
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
    await page.waitForFunction(() => customElements.get('section-link') !== undefined);
    await page.locator('.prose .citation[data-cites~="mundy2002"] a').first().hover();
    await page.waitForSelector('.citation-popover');
    expect(await page.locator('.citation-popover').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('.citation-popover img, .citation-popover script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});
