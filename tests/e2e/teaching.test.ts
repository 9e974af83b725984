/**
 * The teaching kit in Chromium: an embed page framed by another origin (and a chapter refused),
 * the section tools beside each h2 (copy link with a visible "Link copied", embed code, QR dialog,
 * cite this section), axe on the embed page and the open QR dialog in both themes, and a chapter
 * printed as a handout.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { builtPages } from '../helpers/dist.ts';

const site = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => browser?.close());

async function chapter(path = 'serum-markers/', ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${site}${path}`);
  await page.waitForSelector('#il-7 ~ section-link .section-tools-toggle');
  return page;
}
const clipboard = (page: Page) => page.evaluate('navigator.clipboard.readText()') as Promise<string>;

describe('framing', () => {
  let siteServer: StaticServer;
  let host: Server;
  let hostUrl = '';
  beforeAll(async () => {
    // The site as a host that reads dist/_headers serves it, and a course page on another origin.
    siteServer = await startStaticServer('dist', '/', { sendHeaders: true });
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Course page</title>
        <iframe id="embed" title="embed" src="${siteServer.url}embed/serum-markers/il-7/" width="600" height="400"></iframe>
        <iframe id="chapter" title="chapter" src="${siteServer.url}serum-markers/" width="600" height="400"></iframe>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await siteServer?.close();
    host?.closeAllConnections();
    await new Promise((r) => host?.close(r));
  });

  it('a course page on another origin can frame an embed page, but not a chapter', async () => {
    const page = await browser.newPage();
    await page.goto(hostUrl);
    const embed = page.frame({ url: /\/embed\/serum-markers\/il-7\/$/ });
    await expect.poll(async () => embed?.evaluate('document.querySelector("h1")?.textContent') ?? null).toBe('IL-7 as a candidate marker');
    // The refused chapter frame never runs the chapter's document: it has no heading to read.
    const chapterFrame = await (await page.$('#chapter'))!.contentFrame();
    await page.waitForTimeout(500);
    const chapterHeading = await chapterFrame!.evaluate('document.querySelector("#chapter-title")?.textContent ?? null').catch(() => null);
    expect(chapterHeading).toBeNull();
    await page.close();
  });
});

describe('an embed page', () => {
  it('every embed page has no WCAG A/AA violation in the light theme, its citation open', async () => {
    const ctx = await browser.newContext({ colorScheme: 'light', bypassCSP: true });
    const page = await ctx.newPage();
    const failures: string[] = [];
    for (const path of [...builtPages().keys()].filter((p) => p.startsWith('/embed/'))) {
      await page.goto(`${site}${path.slice(1)}`);
      await page.click('summary');
      const v = await axeViolations(page);
      if (v.length) failures.push(`${path}:\n${describeViolations(v)}`);
    }
    await ctx.close();
    expect(failures.join('\n')).toBe('');
  }, 300_000);

  // The dark theme changes only colours: axe's colour rules on one embed page (one template over every h2),
  // as tests/e2e/accessibility.test.ts does for the other kinds of page.
  it('an embed page passes axe’s colour rules in the dark theme, its citation open', async () => {
    const ctx = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(`${site}embed/serum-markers/il-7/`);
    await page.click('summary');
    const v = await axeViolations(page, { only: 'colour' });
    expect(v, describeViolations(v)).toEqual([]);
    await ctx.close();
  });

  it('shows a citation\'s full reference on focus, as in the chapter, and links the full section in a new tab', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}embed/serum-markers/il-7/`);
    await page.waitForFunction('customElements.get("citation-previews") !== undefined');
    await page.focus('.citation a');
    await page.locator('.citation-popover').waitFor();
    expect(await page.locator('.citation-popover').innerText()).toMatch(/Weitzmann/);
    expect(await page.getAttribute('a.embed-full', 'target')).toBe('_blank');
    // Built with SITE_URL http://localhost:4321, read here at the test server's address: the citation names the latter.
    expect(await page.textContent('#cite-section-vancouver')).toContain(`Available from: ${site}serum-markers/#il-7.`);
    await page.goto(`${site}serum-markers/`);
    expect(await page.textContent('#cite-chapter-vancouver')).toContain(`${site}serum-markers/`);
    await page.close();
  });
});

describe('the section tools beside each h2', () => {
  it('the link control says "Link copied" in words, not only by colour', async () => {
    const page = await chapter();
    await page.hover('#il-7');
    await page.click('#il-7 ~ section-link a.section-link');
    await expect.poll(() => clipboard(page)).toBe(`${site}serum-markers/#il-7`);
    expect(await page.textContent('#il-7 ~ section-link .section-link-status')).toBe('Link copied');
    await page.close();
  });

  it('a keyboard user opens the menu, moves with the arrows, and Escape closes it back to the button', async () => {
    const page = await chapter();
    const toggle = page.locator('#il-7 ~ section-link .section-tools-toggle');
    await toggle.focus();
    expect(await toggle.getAttribute('aria-label')).toBe('Share, embed or cite “IL-7 as a candidate marker”');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.evaluate('document.activeElement.textContent')).toBe('Copy link');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Copy embed code');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement.classList.contains("section-tools-toggle")')).toBe(true);
    await page.close();
  });

  it('"Copy embed code" copies an iframe of the embed page with a title, a height and lazy loading', async () => {
    const page = await chapter();
    await page.click('#il-7 ~ section-link .section-tools-toggle');
    await page.click('#il-7 ~ section-link button:text("Copy embed code")');
    await expect.poll(() => clipboard(page)).toMatch(/^<iframe /);
    const snippet = await clipboard(page);
    expect(snippet).toContain(`src="${site}embed/serum-markers/il-7/"`);
    expect(snippet).toContain('title="IL-7 as a candidate marker (Lung cancer in bone)"');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toMatch(/height="\d{3}"/);
    expect(await page.textContent('#il-7 ~ section-link .section-link-status')).toBe('Embed code copied');
    await page.close();
  });

  it('"Show QR code" opens a dialog with the code and its URL; Escape closes it', async () => {
    const page = await chapter();
    await page.click('#il-7 ~ section-link .section-tools-toggle');
    await page.click('#il-7 ~ section-link button:text("Show QR code")');
    const dialog = page.locator('dialog.teaching-dialog[open]');
    await dialog.waitFor();
    await expect.poll(() => page.evaluate('document.querySelector("dialog .qr-image").naturalWidth')).toBeGreaterThan(0);
    expect(await dialog.locator('.qr-url').textContent()).toMatch(/\/serum-markers\/#il-7$/);
    expect(await dialog.locator('h2').textContent()).toBe('QR code: IL-7 as a candidate marker');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.teaching-dialog[open]').count()).toBe(0);
    await page.close();
  });

  it('"Cite this section" gives Vancouver, APA and BibTeX with the reader\'s address, the date and the review', async () => {
    const page = await chapter();
    await page.click('#il-7 ~ section-link .section-tools-toggle');
    await page.click('#il-7 ~ section-link button:text("Cite this section")');
    const texts = await page.locator('dialog[open] pre').allTextContents();
    expect(texts).toHaveLength(3);
    for (const t of texts) {
      expect(t).toContain(`${site}serum-markers/#il-7`);
      expect(t).toContain('IL-7 as a candidate marker');
      expect(t).toContain('10.5306/wjco.v5.i2.149');
      expect(t).toContain('2026');
    }
    await page.locator('dialog[open] .cite-block button').first().click();
    await expect.poll(() => clipboard(page)).toBe(texts[0]);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no violation with the QR dialog open, or on an embed page, in the ${scheme} theme`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await chapter('serum-markers/', ctx);
      await page.click('#il-7 ~ section-link .section-tools-toggle');
      let v = await axeViolations(page);
      expect(v, describeViolations(v)).toEqual([]);
      await page.click('#il-7 ~ section-link button:text("Show QR code")');
      await page.locator('dialog[open] .qr-image').waitFor();
      v = await axeViolations(page);
      expect(v, describeViolations(v)).toEqual([]);
      await page.goto(`${site}embed/serum-markers/il-7/`);
      await page.click('summary');
      v = await axeViolations(page);
      expect(v, describeViolations(v)).toEqual([]);
      await ctx.close();
    });
  }
});

describe('a printed chapter is a handout', () => {
  it('shows the title, the review, the address and its QR code, each section\'s short address, citations and references; no header, navigation, search or buttons', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(`${site}serum-markers/`);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.getClientRects().length > 0).length`) as Promise<number>;
    expect(await shown('.site-header, nav, .site-search, input[type=search]')).toBe(0);
    expect(await shown('button')).toBe(0);
    expect(await shown('section-link')).toBe(0);
    expect(await shown('#chapter-title')).toBe(1);
    const handout = await page.locator('.print-handout').innerText();
    expect(handout).toContain('10.5306/wjco.v5.i2.149');
    expect(handout).toContain(`${site.replace(/127\.0\.0\.1:\d+/, 'localhost:4321')}serum-markers/`);
    await expect.poll(() => page.evaluate('document.querySelector(".print-qr").naturalWidth')).toBeGreaterThan(0);
    expect(await shown('.print-qr')).toBe(1);
    expect(await page.locator('#il-7 ~ .section-address').innerText()).toBe('…/serum-markers/#il-7');
    expect(await shown('.section-address')).toBe(await page.locator('.heading-wrap > h2').count());
    expect(await shown('.citation')).toBeGreaterThan(5);
    expect(await shown('#references .reference-list li')).toBeGreaterThan(5);
    const png = await page.screenshot({ fullPage: true, path: '/tmp/handout-serum-markers.png' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.print-handout')).toBe(0);
    await page.close();
  });
});

describe('the conclusion\'s old guide links', () => {
  it('/conclusion/#how-to-cite lands on the about page\'s section', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}conclusion/#how-to-cite`);
    await page.waitForURL(/\/about\/#how-to-cite$/);
    expect(await page.textContent('#how-to-cite')).toBe('How to cite');
    await page.close();
  });
});
