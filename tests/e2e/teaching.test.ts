/**
 * The teaching kit in Chromium: an embed page framed by another origin (and a chapter refused, by
 * the header where the host sends _headers and by the frame guard where it does not), copying inside
 * a framed embed, the section tools beside each h2 (copy link with a visible "Link copied", embed
 * code, QR dialog, cite this section) on a desktop and on phones at 390 and 320 px, links that carry
 * no state after a search, axe on the embed page and the open QR dialog in both themes, a chapter
 * printed to an A4 PDF as a handout, and the Tab stops of a chapter.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { builtPages, CHAPTER_SLUGS } from '../helpers/dist.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import storedEmbedHeights from '../../src/lib/teaching/embed-heights.json';
import { EMBED_HEIGHT_TOLERANCE, EMBED_MEASURE_WIDTH, embedKey, frameHeight } from '../../src/lib/teaching/embed-heights.ts';
import { teachingUrl } from '../../src/lib/teaching/qr.ts';

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

/** A course page on another origin (localhost, where the site is 127.0.0.1): each path serves the HTML `pages` gives it. */
async function coursePages(pages: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const body = pages[(req.url ?? '/').split('?')[0]!];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Course page</title><body>${body ?? 'not found'}</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

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
    expect(snippet).toMatch(/height="\d{3,4}"/);
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

describe('framing on a host that ignores _headers (GitHub Pages)', () => {
  it('a chapter framed by another origin shows only a notice and a link that opens it on its own; an embed page still shows its section', async () => {
    // The test server (global setup) sends no _headers, as GitHub Pages.
    const course = await coursePages({
      '/': `<iframe id="chapter" title="chapter" src="${site}serum-markers/?highlight=il" width="600" height="400"></iframe>
            <iframe id="embed" title="embed" src="${site}embed/serum-markers/il-7/" width="600" height="400"></iframe>`,
    });
    const page = await browser.newPage();
    await page.goto(course.url);
    const chapterFrame = (await (await page.$('#chapter'))!.contentFrame())!;
    await chapterFrame.waitForSelector('#framed-notice');
    const framed = (await chapterFrame.evaluate(`({
      text: document.body.innerText,
      heading: document.querySelector('#chapter-title'),
      prose: document.querySelectorAll('.prose, .site-header, p').length,
      link: document.querySelector('#framed-notice a')?.href,
      target: document.querySelector('#framed-notice a')?.target,
      shown: getComputedStyle(document.documentElement).display,
    })`)) as { text: string; heading: unknown; prose: number; link: string; target: string; shown: string };
    expect(framed.text).toMatch(/^This page cannot be shown inside another site\. Open this page on its own/);
    expect(framed.heading).toBeNull();
    expect(framed.prose).toBe(0);
    expect(framed.link).toBe(`${site}serum-markers/`);
    expect(framed.target).toBe('_blank');
    expect(framed.shown).toBe('block');
    const embed = page.frame({ url: /\/embed\/serum-markers\/il-7\/$/ });
    await expect.poll(async () => embed?.evaluate('document.querySelector("h1")?.textContent') ?? null).toBe('IL-7 as a candidate marker');
    expect(await embed!.evaluate('document.getElementById("framed-notice")')).toBeNull();
    await page.close();
    await course.close();
  });

  it('a chapter opened on its own shows its content', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}serum-markers/`);
    expect(await page.textContent('#chapter-title')).toMatch(/^Serum markers/);
    expect(await page.$('#framed-notice')).toBeNull();
    await page.close();
  });
});

describe('copying inside an embed framed by another origin', () => {
  it('the menu\'s embed code lets the frame copy (allow="clipboard-write"); the same frame without it cannot', async () => {
    const page = await chapter();
    await page.click('#il-7 ~ section-link .section-tools-toggle');
    await page.click('#il-7 ~ section-link button:text("Copy embed code")');
    await expect.poll(() => clipboard(page)).toMatch(/^<iframe /);
    const snippet = await clipboard(page);
    expect(snippet).toContain('allow="clipboard-write"');
    await page.close();
    const course = await coursePages({ '/with': snippet, '/without': snippet.replace(' allow="clipboard-write"', '') });
    const copyIn = async (path: string) => {
      const host = await context.newPage();
      await host.goto(`${course.url}${path.slice(1)}`);
      const frame = (await (await host.$('iframe'))!.contentFrame())!;
      await frame.waitForFunction(() => customElements.get('copy-button') !== undefined);
      await frame.click('#cite-this-section summary');
      await frame.click('copy-button[for="cite-section-vancouver"] button');
      await expect.poll(() => frame.textContent('copy-button[for="cite-section-vancouver"] [role=status]')).not.toBe('');
      const result = { status: await frame.textContent('copy-button[for="cite-section-vancouver"] [role=status]'), text: await frame.textContent('#cite-section-vancouver'), copied: await clipboard(host) };
      await host.close();
      return result;
    };
    const allowed = await copyIn('/with');
    expect(allowed.status).toBe('Copied');
    expect(allowed.copied).toBe(allowed.text);
    const refused = await copyIn('/without');
    expect(refused.status).toMatch(/^Copying failed/);
    await course.close();
  });
});

describe('embed pages carry every reference they cite', () => {
  it('the preview of "(49–51)" and of "(27–29)" shows every number of the range, and the list holds the middle one', async () => {
    const page = await browser.newPage();
    for (const [path, range, numbers] of [
      ['embed/osteoclast-factors/pthrp-micrornas/', '49–51', ['49', '50', '51']],
      ['embed/bone-niche/physical-microenvironment/', '27–29', ['27', '28', '29']],
    ] as const) {
      await page.goto(`${site}${path}`);
      await page.waitForFunction('customElements.get("citation-previews") !== undefined');
      const citation = page.locator('.citation', { hasText: range }).first();
      await citation.locator('a').first().focus();
      await page.locator('.citation-popover').waitFor();
      expect(await page.locator('.citation-popover li').evaluateAll((lis) => lis.map((li) => li.getAttribute('value')))).toEqual(numbers);
      expect(await page.locator('.embed-references li').evaluateAll((lis) => lis.map((li) => li.getAttribute('value')))).toEqual(expect.arrayContaining([...numbers]));
    }
    await page.close();
  });

  it('each section\'s embed code asks for the height its page measures in a 640 px frame (within 15%)', async () => {
    const page = await browser.newPage({ viewport: { width: EMBED_MEASURE_WIDTH, height: 400 } });
    const stale: string[] = [];
    const stored = storedEmbedHeights as Record<string, number>;
    const paths = [...builtPages().keys()].filter((p) => p.startsWith('/embed/'));
    for (const path of paths) {
      const [, , chapterId, section] = path.split('/');
      await page.goto(`${site}${path.slice(1)}`);
      const measured = frameHeight((await page.evaluate('document.documentElement.scrollHeight')) as number);
      const had = stored[embedKey(chapterId!, section!)];
      if (had === undefined || Math.abs(had - measured) > measured * EMBED_HEIGHT_TOLERANCE) stale.push(`${chapterId}/${section}: stored ${had ?? 'none'}, measured ${measured}`);
    }
    await page.close();
    expect(stale, 'run "npm run embed:heights" after a build').toEqual([]);
    // The menu hands out the stored height.
    const chapterPage = await chapter();
    await chapterPage.click('#il-7 ~ section-link .section-tools-toggle');
    await chapterPage.click('#il-7 ~ section-link button:text("Copy embed code")');
    await expect.poll(() => clipboard(chapterPage)).toMatch(/^<iframe /);
    expect(await clipboard(chapterPage)).toContain(`height="${stored[embedKey('serum-markers', 'il-7')]}"`);
    await chapterPage.close();
  }, 120_000);
});

describe('links carry no state', () => {
  it('after arriving from search (?highlight=pthrp), "#", "Copy link", the cite texts, the embed code and the QR code give the canonical address', async () => {
    const canonical = `${site}osteoclast-factors/#pthrp-micrornas`;
    const page = await context.newPage();
    await page.goto(`${site}osteoclast-factors/?highlight=pthrp`);
    await page.waitForSelector('#pthrp-micrornas ~ section-link .section-tools-toggle');
    const hash = page.locator('#pthrp-micrornas ~ section-link a.section-link');
    expect(await hash.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(canonical);
    await page.hover('#pthrp-micrornas');
    await hash.click();
    await expect.poll(() => clipboard(page)).toBe(canonical);
    expect(page.url()).toBe(canonical);

    await page.goto(`${site}osteoclast-factors/?highlight=pthrp`);
    await page.waitForSelector('#pthrp-micrornas ~ section-link .section-tools-toggle');
    const tool = async (label: string) => {
      await page.click('#pthrp-micrornas ~ section-link .section-tools-toggle');
      await page.click(`#pthrp-micrornas ~ section-link button:text("${label}")`);
    };
    await page.evaluate('navigator.clipboard.writeText("")');
    await tool('Copy link');
    await expect.poll(() => clipboard(page)).toBe(canonical);
    await tool('Copy embed code');
    await expect.poll(() => clipboard(page)).toMatch(/^<iframe /);
    const snippet = await clipboard(page);
    expect(snippet).toContain(`src="${site}embed/osteoclast-factors/pthrp-micrornas/"`);
    expect(snippet).not.toContain('highlight');
    await tool('Cite this section');
    const texts = await page.locator('dialog[open] pre').allTextContents();
    expect(texts).toHaveLength(3);
    for (const t of texts) {
      expect(t).toContain(canonical);
      expect(t).not.toContain('?');
    }
    await page.keyboard.press('Escape');
    await tool('Show QR code');
    const qr = teachingUrl('http://localhost:4321', '/', 'osteoclast-factors', 'pthrp-micrornas');
    expect(await page.locator('dialog[open] .qr-url').textContent()).toBe(qr);
    expect(await page.locator('dialog[open] .qr-image').getAttribute('src')).toBe('/qr/osteoclast-factors/pthrp-micrornas.svg');
    await page.close();
  });
});

describe('the section menu on a phone', () => {
  for (const width of [390, 320]) {
    it(`at ${width} px, every section's menu is on screen, its items at least 24 × 24 px and uncut, and the page does not scroll sideways`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 844 }, hasTouch: true, isMobile: true });
      const page = await ctx.newPage();
      const problems: string[] = [];
      let menus = 0;
      for (const slug of CHAPTER_SLUGS) {
        await page.goto(`${site}${slug}/`);
        const toggles = page.locator('.section-tools-toggle');
        await toggles.first().waitFor();
        const count = await toggles.count();
        for (let i = 0; i < count; i++) {
          const toggle = toggles.nth(i);
          await toggle.scrollIntoViewIfNeeded();
          await toggle.click();
          await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
          const m = (await toggle.evaluate((t) => {
            const menu = document.getElementById(t.getAttribute('aria-controls') ?? '')!;
            const box = (el: Element) => el.getBoundingClientRect();
            return {
              id: t.getAttribute('aria-controls'),
              width: document.documentElement.clientWidth,
              scrollWidth: document.documentElement.scrollWidth,
              toggle: { w: box(t).width, h: box(t).height },
              items: [...menu.querySelectorAll('button')].map((b) => ({ text: b.textContent, left: box(b).left, right: box(b).right, w: box(b).width, h: box(b).height, cut: b.scrollWidth > b.clientWidth + 1 })),
            };
          })) as { id: string; width: number; scrollWidth: number; toggle: { w: number; h: number }; items: { text: string; left: number; right: number; w: number; h: number; cut: boolean }[] };
          menus += 1;
          if (m.scrollWidth > m.width) problems.push(`${slug} ${m.id}: the page is ${m.scrollWidth} px wide with the menu open`);
          if (m.toggle.w < 24 || m.toggle.h < 24) problems.push(`${slug} ${m.id}: the menu button is ${m.toggle.w} × ${m.toggle.h}`);
          if (m.items.length !== 4) problems.push(`${slug} ${m.id}: ${m.items.length} items`);
          for (const it of m.items) {
            if (it.left < 0 || it.right > m.width) problems.push(`${slug} ${m.id} "${it.text}" runs off screen (${Math.round(it.left)}–${Math.round(it.right)} of ${m.width})`);
            if (it.w < 24 || it.h < 24) problems.push(`${slug} ${m.id} "${it.text}" is ${it.w} × ${it.h}`);
            if (it.cut) problems.push(`${slug} ${m.id} "${it.text}" is cut`);
          }
          await page.keyboard.press('Escape');
          await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
        }
      }
      await ctx.close();
      expect(menus).toBe([...builtPages().keys()].filter((p) => p.startsWith('/embed/')).length);
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it('at 390 px with touch, no citation group shows a space before a comma or around a dash', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    const problems: string[] = [];
    let separators = 0;
    for (const slug of CHAPTER_SLUGS) {
      await page.goto(`${site}${slug}/`);
      const found = (await page.evaluate(`(() => {
        const rect = (node, start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end); return r.getBoundingClientRect(); };
        const out = [];
        for (const group of document.querySelectorAll('.prose .citation')) {
          const nodes = [...group.childNodes];
          nodes.forEach((n, i) => {
            if (n.nodeType !== 3 || !/^[,–]$/.test(n.textContent)) return;
            const before = nodes[i - 1].firstChild, after = nodes[i + 1].firstChild;
            const sep = rect(n, 0, 1);
            const gapBefore = sep.left - rect(before, 0, before.length).right;
            const gapAfter = rect(after, 0, after.length).left - sep.right;
            out.push({ group: group.textContent, sep: n.textContent, gapBefore, gapAfter });
          });
        }
        return out;
      })()`)) as { group: string; sep: string; gapBefore: number; gapAfter: number }[];
      separators += found.length;
      for (const f of found) {
        if (f.gapBefore > 1) problems.push(`${slug} ${f.group}: ${f.gapBefore.toFixed(1)} px before "${f.sep}"`);
        if (f.sep === '–' && f.gapAfter > 1) problems.push(`${slug} ${f.group}: ${f.gapAfter.toFixed(1)} px after "–"`);
      }
    }
    await ctx.close();
    expect(separators).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});

describe('keyboard', () => {
  it('/immune-regulation/ takes at most 155 Tab presses from the top of the page to the footer at 1280 px', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site}immune-regulation/`);
    await page.waitForFunction('document.querySelector(".fig-drawing a.fig-node[tabindex]") !== null');
    let presses = 0;
    while (presses < 400) {
      await page.keyboard.press('Tab');
      presses += 1;
      if (await page.evaluate('document.activeElement?.closest(".site-footer") !== null')) break;
    }
    // 212 at first: each box of the figure, every factor in the key points and each repeated link of the reference list was a stop;
    // 181 next, 39 of them the reference list's back-links, now one stop per entry.
    expect(presses).toBeLessThanOrEqual(155);
    await page.close();
  });

  it('a figure\'s boxes are one Tab stop; the arrow keys move from box to box', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site}immune-regulation/`);
    await page.waitForFunction('document.querySelector(".fig-drawing a.fig-node[tabindex]") !== null');
    const boxes = page.locator('.fig-drawing svg.fig-wide a.fig-node');
    expect(await boxes.count()).toBeGreaterThan(4);
    await boxes.first().focus();
    const focused = () => page.evaluate('document.activeElement.getAttribute("data-node")');
    const first = await focused();
    await page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second).toBe(await boxes.nth(1).getAttribute('data-node'));
    await page.keyboard.press('End');
    expect(await focused()).toBe(await boxes.last().getAttribute('data-node'));
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(first);
    // Tab leaves the drawing at once, and Shift+Tab comes back to the last box visited.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.closest(".fig-drawing")')).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(second);
    expect(await page.locator('.fig-key-arrows').first().textContent()).toBe(' Arrow keys move between the boxes.');
    await page.close();
  });

  it('an entry\'s back-links in the reference list are one Tab stop; Left and Right move between them and Enter follows one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site}immune-regulation/`);
    const backs = page.locator('#bib-roato2014ref66 .backrefs a.backref');
    await page.waitForFunction('document.querySelector("#bib-roato2014ref66 a.backref[tabindex]") !== null');
    expect(await backs.count()).toBe(9);
    const label = () => page.evaluate('document.activeElement.getAttribute("aria-label")');
    // Tab from the entry before lands on this entry's first back-link, and the next Tab leaves the entry.
    await page.locator('#bib-roato2014ref65 a').last().focus();
    await page.keyboard.press('Tab');
    expect(await label()).toBe('Back to citation 1 of reference 66');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await label()).toBe('Back to citation 3 of reference 66');
    await page.keyboard.press('ArrowLeft');
    expect(await label()).toBe('Back to citation 2 of reference 66');
    await page.keyboard.press('End');
    expect(await label()).toBe('Back to citation 9 of reference 66');
    await page.keyboard.press('Home');
    expect(await label()).toBe('Back to citation 1 of reference 66');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.closest("li").id')).toBe('bib-roato2013');
    expect(await label()).toBe('Back to citation 1 of reference 67');
    // Shift+Tab comes back to the back-link last visited, and Enter takes the reader to that citation.
    await page.keyboard.press('Shift+Tab');
    expect(await label()).toBe('Back to citation 2 of reference 66');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('location.hash')).toBe('#citation--roato2014ref66--4');
    expect(await page.locator('.references .backref-keys').isVisible()).toBe(true);
    expect(await page.locator('.references .backref-keys').textContent()).toContain('the arrow keys move between them');
    await page.close();
  });

  it('without JavaScript every back-link of the reference list is a plain link in the Tab order', async () => {
    const noScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${site}immune-regulation/`);
    const backs = await page.evaluate('[...document.querySelectorAll(".reference-list a.backref")].map((a) => [a.tabIndex, a.getAttribute("href")])') as [number, string][];
    expect(backs.length).toBe(40);
    expect(backs.filter(([tabIndex]) => tabIndex !== 0)).toEqual([]);
    expect(backs.every(([, href]) => href.startsWith('#citation--'))).toBe(true);
    // The hint about arrow keys is not shown, since they do nothing here.
    expect(await page.locator('.backref-keys').isVisible()).toBe(false);
    await noScript.close();
  });
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
  it('/osteoclast-factors/ prints on at most 8 A4 pages: text across at least 80% of the printable width, no page before the references less than half full, a compact reference list', async () => {
    // A4 is 210 mm wide; print.css leaves 14 mm each side: 182 mm, 688 CSS px.
    const printable = Math.round((182 / 25.4) * 96);
    const page = await browser.newPage({ viewport: { width: printable, height: 1000 } });
    await page.goto(`${site}osteoclast-factors/`);
    await page.emulateMedia({ media: 'print' });
    const widths = (await page.evaluate(`[...document.querySelectorAll('.prose > p, .prose > ul, .key-points, .reference-list')]
      .filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().width)`)) as number[];
    expect(widths.length).toBeGreaterThan(10);
    expect(Math.min(...widths) / printable, 'narrowest text block').toBeGreaterThanOrEqual(0.8);
    expect(await page.locator('.reference-list .ref-review').first().isVisible()).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'handout-'));
    const file = join(dir, 'osteoclast-factors.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
    await page.close();
    const run = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { encoding: 'latin1' });
      if (r.error) throw new Error(`${cmd} is missing: install poppler-utils ("apt-get install -y poppler-utils"; .ci/run does).`);
      return r.stdout;
    };
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThanOrEqual(8);
    const text = (n: number) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-']);
    const referencesPage = Array.from({ length: pages }, (_, i) => i + 1).find((n) => /^\s*References\s*$/m.test(text(n)));
    expect(referencesPage, 'a page with the reference list').toBeDefined();
    const all = run('pdftotext', [file, '-']);
    expect(all).not.toMatch(/Reference \d+ in the review/);
    // How far down each page the ink reaches, read from a small grey rendering (PGM) of the page.
    run('pdftoppm', ['-gray', '-r', '20', file, join(dir, 'p')]);
    for (let n = 1; n < referencesPage!; n++) {
      const pgm = readFileSync(join(dir, `p-${String(n).padStart(String(pages).length, '0')}.pgm`));
      const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!.map(Number) as [number, number, number];
      const pixels = pgm.subarray(pgm.length - w * h);
      let last = 0;
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (pixels[y * w + x]! < 160) last = y;
      expect(last / h, `page ${n} of ${pages} is filled down to ${Math.round((100 * last) / h)}%`).toBeGreaterThanOrEqual(0.5);
    }
  }, 120_000);
});

describe('figures on paper', () => {
  it('each chapter figure prints its caption on the page of its drawing, and no evidence filter (a control, not part of the figure)', async () => {
    const run = (cmd: string, args: string[]) => {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      if (r.error) throw new Error(`${cmd} is missing: install poppler-utils ("apt-get install -y poppler-utils"; .ci/run does).`);
      return r.stdout;
    };
    const dir = mkdtempSync(join(tmpdir(), 'figures-print-'));
    let figures = 0;
    for (const chapter of ['bone-niche', 'osteoclast-factors', 'immune-regulation']) {
      const page = await browser.newPage();
      await page.goto(`${site}${chapter}/`);
      // As a reader prints it: after the page's scripts have run (the filter shows itself then).
      await expect.poll(() => page.locator('evidence-filter:not([hidden])').count()).toBeGreaterThan(0);
      const file = join(dir, `${chapter}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
      await page.close();
      const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
      const texts = Array.from({ length: pages }, (_, i) => run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']));
      expect(texts.join('\n'), chapter).not.toContain('Show relations from');
      texts.forEach((text, i) => {
        if (!/^Figure \d+\. /m.test(text)) return;
        figures++;
        // The key line sits right under the drawing: on the caption's page, the drawing is too.
        expect(text, `${chapter}, page ${i + 1} of ${pages}`).toContain('Solid arrow: stimulates');
      });
    }
    expect(figures).toBe(3);
  }, 120_000);
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
