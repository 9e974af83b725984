/**
 * Search in Chromium against the built site: from the header to the chapter, factor cards, section
 * deep links, the chapter filter, keyboard use, landing highlights, hostile queries, and no-JS.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';

let browser: Browser;
let page: Page;
const site = inject('siteUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

/** The complete results (data-state "done"), never the early ones a factor name shows before the engine loads. */
const done = () => page.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done' && /found|Nothing/.test(document.querySelector('.search-status')?.textContent ?? ''));

describe('search through Pagefind', () => {
  it('a term of the introduction, typed in the header search box, leads to /introduction/', async () => {
    await page.goto(site);
    await page.fill('#site-search-q', 'radiolucent');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=radiolucent/);
    const first = page.locator('.search-results a.result-title').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Introduction');
    await first.click();
    await page.waitForURL(/\/introduction\//);
    expect(new URL(page.url()).pathname).toMatch(/\/introduction\/$/);
  });

  it('the "/" key focuses the search box on any page', async () => {
    await page.goto(`${site}bone-niche/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
  });

  it('a factor typed another way shows its card first, and results deep-link to sections with marked words', async () => {
    await page.goto(`${site}search/?q=interleukin%207`);
    await done();
    const card = page.locator('.factor-card a').first();
    expect(await card.getAttribute('href')).toBe('/factors/il-7/');
    const sections = await page.locator('.sub-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(sections.some((h) => /\/serum-markers\/\?highlight=[^#]*#il-7/.test(h))).toBe(true);
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
  });

  it('the chapter filter narrows results to one chapter, and the URL can be shared', async () => {
    await page.goto(`${site}search/?q=RANKL`);
    await done();
    await page.getByRole('button', { name: 'Immune cells in bone' }).click();
    await page.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done' && /in Immune cells in bone/.test(document.querySelector('.search-status')?.textContent ?? ''));
    const titles = await page.locator('.search-results a.result-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toContain('Immune cells');
    expect(new URL(page.url()).searchParams.get('chapter')).toBe('Immune cells in bone');
  });

  it('arrow keys move from the search box through the results', async () => {
    await page.goto(`${site}search/?q=osteoclast`);
    await done();
    await page.focus('#search-q');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('result-link'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });

  it('results are announced in a live region', async () => {
    await page.goto(`${site}search/?q=PTHrP`);
    await done();
    const status = page.locator('.search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/PTHrP: factor page first\. \d+ pages?( and \d+ references?)? found for “PTHrP”/);
  });

  it('following a result marks the searched word on the chapter and lands on the section', async () => {
    await page.goto(`${site}search/?q=erlotinib`);
    await done();
    await page.locator('.sub-results a').first().click();
    await page.waitForURL(/\/osteoclast-factors\/\?highlight=erlotinib#/);
    await page.waitForSelector('mark.pagefind-highlight');
    expect((await page.locator('mark.pagefind-highlight').first().textContent())?.toLowerCase()).toBe('erlotinib');
    const hash = new URL(page.url()).hash.slice(1);
    const top = await page.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top ?? 9999, hash);
    expect(Math.abs(top)).toBeLessThan(200);
  });

  it('a query with HTML in it is shown as text, never as markup', async () => {
    await page.goto(`${site}search/?q=${encodeURIComponent('<img src=x onerror="window.pwned=1">')}`);
    await done();
    expect(await page.locator('site-search img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.inputValue('#search-q')).toBe('<img src=x onerror="window.pwned=1">');
    expect(await page.locator('.search-status').textContent()).toContain('<img src=x');
  });
});

describe('search without JavaScript', () => {
  it('the header box still submits to /search/, which says search needs JavaScript and lists factors and chapters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(site);
    await p.fill('#site-search-q', 'IL-7');
    await p.press('#site-search-q', 'Enter');
    await p.waitForURL(/\/search\/\?q=IL-7/);
    expect(await p.locator('noscript').count()).toBe(1);
    expect(await p.content()).toContain('Search needs JavaScript');
    expect(await p.locator('.search-browse .factor-list a[href="/factors/il-7/"]').count()).toBe(1);
    expect(await p.locator('.search-browse .chapter-list a').count()).toBe(6);
    await context.close();
  });
});
