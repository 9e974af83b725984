/**
 * The whole site built with BASE_PATH=/review/ and served under /review/, as on GitHub Pages project
 * sites: every internal link, asset and anchor resolves, search works, the exports download, and
 * declared redirects lead to the new pages and anchors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Browser } from 'playwright-core';
import { buildAndServe, type BuildResult, type ServedBuild } from '../helpers/build-fixture.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const BASE = '/review/';
let served: ServedBuild;
let build: BuildResult;
let server: StaticServer;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  served = await buildAndServe({ BASE_PATH: BASE, SITE_URL: 'https://example.org', REDIRECTS: 'tests/fixtures/redirects/moved.yaml' }, BASE);
  ({ build, server, browser } = served);
  origin = new URL(server.url).origin;
}, 240_000);

afterAll(async () => served?.close());

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
