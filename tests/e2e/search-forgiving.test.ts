/**
 * Search that forgives, in Chromium against the built site: typos corrected with a way back,
 * synonyms named, references found with where they are cited, whole-name widening, the best
 * section first, help text kept out, nothing loaded before the first keystroke, a plain message
 * and a retry when the index cannot load, the phone layout, and the compact phone header.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';

let browser: Browser;
let page: Page;
const site = inject('siteUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ bypassCSP: true })).newPage(); // axe is injected as a script
});
afterAll(async () => browser?.close());

/** The complete results (data-state "done"), never the early ones a factor name shows before the engine loads. */
const done = (p: Page = page) =>
  p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done' && /found|Nothing|unavailable/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 20_000 });
const search = async (q: string, p: Page = page) => {
  await p.goto(`${site}search/?q=${encodeURIComponent(q)}`);
  await done(p);
};
const pageResults = (p: Page = page) =>
  p.locator('.search-results:not(.reference-results) > li > a.result-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('typos', () => {
  it('a misspelt word is searched as the nearest word on the site, and the page says so with a way back', async () => {
    await search('osteoclats');
    expect((await page.locator('.search-correction').textContent())?.trim()).toBe('Showing results for osteoclasts. Search instead for osteoclats.');
    expect((await pageResults())[0]).toMatch(/^\/(osteoclast-factors|immune-regulation)\/$/);
    await page.locator('a.search-instead').click();
    await page.waitForFunction(() => /Nothing found for “osteoclats”/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(await page.inputValue('#search-q')).toBe('osteoclats');
    expect(await page.locator('.search-correction').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('exact')).toBe('1');
  });

  it('"interlukin 7" is read as interleukin 7 and leads to IL-7, not to the conclusion', async () => {
    await search('interlukin 7');
    expect(await page.locator('.factor-card a').first().getAttribute('href')).toBe('/factors/il-7/');
    expect((await pageResults())[0]).toBe('/serum-markers/');
  });

  it('the vocabulary is not loaded when the page opens, only with the first query', async () => {
    const requested: string[] = [];
    const p = await browser.newPage();
    p.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await p.goto(`${site}search/`);
    await p.waitForLoadState('networkidle');
    expect(requested.filter((u) => /search-vocabulary|search-factors|search-synonyms|\/pagefind/.test(u))).toEqual([]);
    await p.fill('#search-q', 'metastsis');
    await done(p);
    expect(requested).toContain('/search-vocabulary.txt');
    expect(await p.locator('.search-correction em').first().textContent()).toBe('metastasis');
    await p.close();
  });
});

describe('other words for the same thing', () => {
  it('autopsy finds the passage on lesions found after death, and the page names the terms it added', async () => {
    await search('autopsy');
    expect((await pageResults())[0]).toBe('/introduction/');
    const added = (await page.locator('.search-added').textContent()) ?? '';
    expect(added).toMatch(/^Also searched: .*post-mortem.*examined after death/);
    expect(await page.inputValue('#search-q')).toBe('autopsy');
  });

  it('a brand name finds the drug the text names', async () => {
    await search('Xgeva');
    expect(await page.locator('.factor-card a').first().getAttribute('href')).toBe('/factors/denosumab/');
    expect(await page.locator('.search-added').textContent()).toContain('denosumab');
  });

  it('a question drops its question words and lands on the section that answers it', async () => {
    await search('what do T cells do to osteoclasts');
    expect((await pageResults())[0]).toBe('/immune-regulation/');
    const firstSection = await page.locator('.search-results > li').first().locator('.sub-results a').first().getAttribute('href');
    expect(firstSection).toMatch(/#(t-cells-osteoclastogenesis|pbmc-cultures|circulating-precursors)$/);
  });
});

describe('whole names and the best section', () => {
  it('"interleukin 7" brings no section for IL-6, IL-8, IL-11 or IL-17: every section offered shows IL-7 itself', async () => {
    await search('interleukin 7');
    const sections = await page.locator('.sub-results li').evaluateAll((lis) =>
      lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', marked: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? '') })),
    );
    expect(sections.length).toBeGreaterThan(0);
    // The interleukins section (IL-6, IL-8, IL-11) never names IL-7; a section may be offered only for its own IL-7.
    for (const s of sections) {
      expect(s.href).not.toMatch(/#interleukins$/);
      expect(s.marked.join(' '), s.href).toMatch(/\b(IL-?7|interleukin[- ]7)\b/i);
      expect(s.marked.join(' '), s.href).not.toMatch(/\bIL-?(6|8|11|17)\b/i);
    }
  });

  it('"serum IL-7" leads to the section on serum IL-7 levels in patients', async () => {
    await search('serum IL-7');
    const first = await page.locator('.search-results > li').first().locator('.sub-results a').first().getAttribute('href');
    expect(first).toMatch(/\/serum-markers\/\?highlight=[^#]*#il-7-serum-levels$/);
  });

  it('text about using the site is not a search result: IL-7 passages are about IL-7', async () => {
    await search('IL-7');
    const excerpts = (await page.locator('.search-results .result-excerpt').allTextContents()).join(' | ');
    expect(excerpts).not.toMatch(/search box|spellings|searching for/i);
  });
});

describe('references', () => {
  it('an author finds the reference entry, with its number, identification and the sections citing it', async () => {
    await search('Mundy');
    const refs = page.locator('.reference-results > li');
    expect(await refs.count()).toBeGreaterThan(0);
    const hrefs = await refs.locator('a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/references/#mundy2002');
    const mundy = refs.filter({ has: page.locator('a[href="/references/#mundy2002"]') });
    expect(await mundy.locator('.reference-badge').textContent()).toMatch(/^Reference 30 in the review · (Identified|Identified from the citing sentence|Uncertain)$/);
    const cited = await mundy.locator('.reference-cited-in a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(c).toMatch(/^\/[a-z-]+\/(#[a-z0-9-]+)?$/);
    await mundy.locator('a.result-title').click();
    await page.waitForURL(/\/references\/#mundy2002$/);
    expect(await page.locator('#mundy2002').count()).toBe(1);
  });

  it('a trial by first author and drug finds the trial, before the chapters', async () => {
    await search('Stopeck denosumab');
    const first = await page.locator('.factor-card a, .search-results > li > a.result-title').first().getAttribute('href');
    expect(first).toBe('/references/#stopeck2010');
  });

  it('a chapter query keeps chapter results first, with references after them', async () => {
    await search('PTHrP');
    const order = await page.locator('.factor-card a, .search-results > li > a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const firstRef = order.findIndex((h) => h.startsWith('/references/'));
    const lastChapter = order.map((h) => !h.startsWith('/references/')).lastIndexOf(true);
    expect(firstRef === -1 || firstRef > lastChapter).toBe(true);
  });
});

describe('when the index cannot load', () => {
  it('the page says search is unavailable, offers a retry, still shows the factor card and the lists, and throws nothing', async () => {
    const context = await browser.newContext();
    const errors: string[] = [];
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await context.route(/\/pagefind(-references)?\//, (route) => route.abort('failed'));
    await p.goto(`${site}search/?q=IL-7`);
    await done(p);
    expect(await p.locator('.search-status').textContent()).toContain('Search is unavailable right now');
    expect(await p.locator('.search-unavailable').textContent()).toContain('Search is unavailable right now');
    expect(await p.locator('.search-retry').isVisible()).toBe(true);
    expect(await p.locator('.factor-card a').first().getAttribute('href')).toBe('/factors/il-7/');
    expect(await p.locator('.search-browse .chapter-list a').count()).toBeGreaterThan(5);
    expect(await p.locator('.search-browse .factor-list a[href="/factors/il-7/"]').isVisible()).toBe(true);
    // The index comes back: the retry button searches.
    await context.unroute(/\/pagefind(-references)?\//);
    await p.locator('.search-retry').click();
    await p.waitForFunction(() => /found for “IL-7”/.test(document.querySelector('.search-status')?.textContent ?? ''), undefined, { timeout: 20_000 });
    expect(await p.locator('.search-results a.result-title').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a phone (390 × 844)', () => {
  let phone: BrowserContext;
  let p: Page;
  beforeAll(async () => {
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, bypassCSP: true });
    p = await phone.newPage();
  });
  afterAll(async () => phone?.close());

  it('the search page shows one search box and the first result without scrolling', async () => {
    await search('osteoclast', p);
    const boxes = await p.locator('input[type=search]').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLElement).offsetParent !== null).length);
    expect(boxes).toBe(1);
    const first = p.locator('.factor-card a, .search-results > li > a.result-title').first();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    const firstPage = await p.locator('.search-results > li > a.result-title').first().boundingBox();
    expect((firstPage?.y ?? 9999) + (firstPage?.height ?? 0)).toBeLessThanOrEqual(844);
  });

  it('the chapter filter is one compact control, and the arrow-keys hint is hidden on a touch screen', async () => {
    await search('RANKL', p);
    expect(await p.locator('.filter-buttons').isVisible()).toBe(false);
    expect(await p.locator('.filter-select select').isVisible()).toBe(true);
    await p.selectOption('.filter-select select', 'Immune cells in bone');
    await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done' && /in Immune cells in bone/.test(document.querySelector('.search-status')?.textContent ?? ''));
    expect(await p.locator('.keys-hint').isVisible()).toBe(false);
  });

  it('the factor card reads as an answer: the page’s calm surface colour, not an alert', async () => {
    await search('IL-7', p);
    const colours = await p.evaluate(`(() => {
      const card = getComputedStyle(document.querySelector('.factor-card'));
      const header = getComputedStyle(document.querySelector('.site-header'));
      return { card: card.backgroundColor, surface: header.backgroundColor };
    })()`) as { card: string; surface: string };
    expect(colours.card).toBe(colours.surface);
  });

  it('the header is one row: title, links, a search button and the theme button', async () => {
    await p.goto(`${site}introduction/`);
    const header = await p.locator('.site-header').boundingBox();
    expect(header?.height ?? 999).toBeLessThan(70);
    const tops = await Promise.all(['.site-title', '.site-nav', '.search-toggle', '.theme-button'].map(async (s) => {
      const b = await p.locator(s).boundingBox();
      return b ? b.y + b.height / 2 : -1;
    }));
    for (const t of tops) expect(Math.abs(t - (tops[0] ?? 0))).toBeLessThan(12);
    expect(await p.locator('#site-search-q').isVisible()).toBe(false);
  });

  it('the search button opens a search field with the cursor in it; Escape closes it', async () => {
    await p.goto(`${site}introduction/`);
    await p.locator('.search-toggle').click();
    expect(await p.locator('#site-search-q').isVisible()).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    expect(await p.locator('.search-toggle').getAttribute('aria-expanded')).toBe('true');
    await p.keyboard.press('Escape');
    expect(await p.locator('#site-search-q').isVisible()).toBe(false);
    expect(await p.evaluate(() => document.activeElement?.className)).toContain('search-toggle');
    await p.locator('.search-toggle').click();
    await p.fill('#site-search-q', 'PTHrP');
    await p.press('#site-search-q', 'Enter');
    await p.waitForURL(/\/search\/\?q=PTHrP/);
  });

  it('without JavaScript the search button is a link to /search/', async () => {
    const noJs = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const q = await noJs.newPage();
    await q.goto(`${site}introduction/`);
    expect(await q.locator('.search-toggle').isVisible()).toBe(false);
    const link = q.locator('a.search-open-link');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/search/');
    expect(await link.textContent()).toContain('Search');
    await noJs.close();
  });

  it.each(['light', 'dark'] as const)('the header, open search and results have no axe violation in the %s theme', async (scheme) => {
    await p.emulateMedia({ colorScheme: scheme });
    await p.goto(`${site}introduction/`);
    await p.locator('.search-toggle').click();
    expect(describeViolations(await axeViolations(p))).toBe('');
    await search('Mundy', p);
    expect(describeViolations(await axeViolations(p))).toBe('');
  });
});

describe('on a wide screen', () => {
  it.each(['light', 'dark'] as const)('the search page with a correction, added terms and references has no axe violation in the %s theme', async (scheme) => {
    await page.emulateMedia({ colorScheme: scheme });
    await search('vicious circle Mundy');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await search('osteoclats');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await page.emulateMedia({ colorScheme: null });
  });

  it('the header keeps its search box in view, with no search button', async () => {
    await page.goto(`${site}introduction/`);
    expect(await page.locator('#site-search-q').isVisible()).toBe(true);
    expect(await page.locator('.search-toggle').isVisible()).toBe(false);
    expect(await page.locator('a.search-open-link').isVisible()).toBe(false);
  });
});
