/**
 * The built site in Chromium: a reader searches from the header and lands on the chapter.
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

describe('search through Pagefind', () => {
  it('a term of the introduction, typed in the header search box, leads to /introduction/', async () => {
    await page.goto(site);
    await page.fill('#site-search-q', 'radiolucent');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=radiolucent/);
    const first = page.locator('.search-results li a.result-title').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Introduction');
    await first.click();
    await page.waitForURL(/\/introduction\//);
    expect(new URL(page.url()).pathname).toMatch(/\/introduction\/$/);
    expect(await page.locator('h1').textContent()).toContain('Introduction');
  });

  it('marks the searched word in the result excerpt', async () => {
    await page.goto(`${site}search/?q=radiolucent`);
    const mark = page.locator('.search-results mark').first();
    await mark.waitFor();
    expect((await mark.textContent())?.toLowerCase()).toContain('radiolucent');
  });
});
