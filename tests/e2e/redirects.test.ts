/**
 * A documented page redirect, end to end, under "/": a fixture build whose redirects file
 * (tests/fixtures/redirects/moved.yaml) moves /bone-microenvironment/ to /bone-niche/. The
 * redirect page passes the site's own gates (CSP, language, page frame, valid HTML), says where the
 * page went, works without JavaScript, and stays out of search, the sitemap and the anchors list.
 * The same redirect under /review/ is tested in base-path.test.ts. Also: an editor's own _headers
 * kept, and anchor lookups that cannot be fooled by the names every object inherits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { buildAndServe, type ServedBuild } from '../helpers/build-fixture.ts';

let served: ServedBuild;
let out: string;
let origin: string;

beforeAll(async () => {
  served = await buildAndServe({ SITE_URL: 'https://example.org', REDIRECTS: 'tests/fixtures/redirects/moved.yaml', HEADERS: 'tests/fixtures/headers/extra._headers' });
  out = served.build.outDir;
  origin = served.server.url.replace(/\/$/, '');
}, 240_000);

afterAll(async () => served?.close());

const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
const attr = (el: ReturnType<typeof select>, name: string) => String(el?.properties?.[name] ?? '');

describe('a page redirect built the site’s way', () => {
  it('carries the site’s CSP meta and language, its header, nav, main and footer, and says where the page moved, with the link', () => {
    const tree = fromHtml(page('bone-microenvironment'));
    const chapter = fromHtml(page('bone-niche'));
    const csp = (t: typeof tree) => attr(select('meta[http-equiv="content-security-policy"]', t), 'content');
    expect(csp(tree)).not.toBe('');
    expect(csp(tree)).toBe(csp(chapter));
    expect(attr(select('html', tree), 'lang')).toBe('en');
    for (const part of ['header.site-header', 'nav', 'main#main', 'footer.site-footer']) expect(select(part, tree), part).toBeTruthy();
    expect(toString(select('h1', tree) ?? tree)).toBe('This page has moved');
    const moved = select('main p.moved', tree);
    expect(toString(moved ?? tree)).toMatch(/^This page moved to The bone niche: fertile soil for dormant and proliferating tumour cells\./);
    expect(attr(select('a', moved ?? tree), 'href')).toBe('/bone-niche/');
  });

  it('names the new page as canonical, asks not to be indexed, and refreshes to the new page', () => {
    const tree = fromHtml(page('bone-microenvironment'));
    expect(attr(select('link[rel="canonical"]', tree), 'href')).toBe('https://example.org/bone-niche/');
    expect(attr(select('meta[name="robots"]', tree), 'content')).toBe('noindex');
    expect(attr(select('meta[http-equiv="refresh"]', tree), 'content')).toBe('0; url=/bone-niche/');
  });

  it('is valid HTML by the same rules as every page', async () => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateString(page('bone-microenvironment'), 'bone-microenvironment/index.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('is left out of the sitemap, the anchors list and the search regions; the new page is in all three', () => {
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('bone-microenvironment');
    expect(sitemap).toContain('<loc>https://example.org/bone-niche/</loc>');
    const anchors = JSON.parse(readFileSync(join(out, 'anchors.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(anchors)).not.toContain('/bone-microenvironment/');
    expect(Object.keys(anchors)).toContain('/bone-niche/');
    expect(selectAll('[data-pagefind-body]', fromHtml(page('bone-microenvironment')))).toHaveLength(0);
    expect(existsSync(join(out, 'pagefind'))).toBe(true);
  });

  it('search never offers the redirect page, even for words only it contains', async () => {
    const browserPage = await served.browser.newPage();
    await browserPage.goto(`${origin}/search/`);
    // A string, so the test runner does not rewrite the page's own import().
    const urls = (await browserPage.evaluate(
      `(async () => { const pagefind = await import('/pagefind/pagefind.js'); const found = await pagefind.search('moved bookmark'); return Promise.all(found.results.map(async (r) => (await r.data()).url)); })()`,
    )) as string[];
    expect(urls.filter((u) => u.includes('bone-microenvironment'))).toEqual([]);
    await browserPage.close();
  });

  it('takes a reader with JavaScript off to the new page', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const browserPage = await context.newPage();
    await browserPage.goto(`${origin}/bone-microenvironment/`);
    await browserPage.waitForURL(`${origin}/bone-niche/`);
    expect(await browserPage.locator('h1').textContent()).toContain('bone niche');
    await context.close();
  });
  it('with JavaScript, keeps the section of an old link: /bone-microenvironment/#dormancy opens /bone-niche/#dormancy', async () => {
    const browserPage = await served.browser.newPage();
    await browserPage.goto(`${origin}/bone-microenvironment/#dormancy`);
    await browserPage.waitForURL(`${origin}/bone-niche/#dormancy`);
    expect(await browserPage.locator('#dormancy').count()).toBe(1);
    await browserPage.close();
  });
});

describe('the editors’ own _headers', () => {
  it('are kept in dist/_headers after the site’s own rules, which stay whole', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'/);
    expect(headers.trimEnd().endsWith("# The editors' own rules, from tests/fixtures/headers/extra._headers:\n# A fixture: an editor's own rule for a folder of downloads, kept after the site's rules.\n/files/*\n  X-Robots-Tag: noindex")).toBe(true);
  });
});

describe('anchor redirects read only their own entries', () => {
  /**
   * Where a reader opening `hash` on /conclusion/ ends up once the page's scripts have run; then,
   * when still on the chapter, that a declared redirect (#how-to-cite, moved to the about page)
   * works on the same page, which proves the anchor script was running.
   */
  async function landing(hash: string): Promise<string> {
    const browserPage = await served.browser.newPage();
    await browserPage.goto(`${origin}/conclusion/${hash}`);
    await browserPage.waitForLoadState('networkidle');
    await browserPage.waitForTimeout(200);
    const at = new URL(browserPage.url());
    if (at.pathname === '/conclusion/') {
      await browserPage.evaluate('location.hash = "#how-to-cite"');
      await browserPage.waitForURL(`${origin}/about/#how-to-cite`);
    }
    await browserPage.close();
    return `${at.pathname}${at.hash}`;
  }

  it('#constructor, #__proto__ and #toString stay on the chapter, as a missing anchor does, while a declared redirect still works', async () => {
    expect(await landing('#no-such-section')).toBe('/conclusion/#no-such-section');
    for (const id of ['constructor', '__proto__', 'toString']) expect(await landing(`#${id}`)).toBe(`/conclusion/#${id}`);
  });
});
