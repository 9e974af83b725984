/**
 * Teaching links in Chromium: copying a section's link by mouse and by keyboard, the passage link
 * from a selection, and landing on a passage link.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';

const site = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => browser?.close());

async function open(path: string): Promise<void> {
  page = await context.newPage();
  await page.goto(`${site}${path}`);
  await page.waitForFunction('customElements.get("section-link") !== undefined');
}
const clipboard = () => page.evaluate('navigator.clipboard.readText()') as Promise<string>;
const announced = () => page.evaluate('document.getElementById("copy-announcer")?.textContent ?? ""') as Promise<string>;

describe('section links', () => {
  it('hovering a heading shows its link control; a click copies the absolute URL and announces it', async () => {
    await open('serum-markers/');
    const control = page.locator('#il-7 + section-link a');
    expect(await control.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
    await page.locator('#il-7').hover();
    await expect.poll(() => control.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await control.click();
    await expect.poll(clipboard).toBe(`${site}serum-markers/#il-7`);
    await expect.poll(announced).toBe('Link copied');
    await page.close();
  });

  it('the control is reached by keyboard, shows a focus ring, and Enter copies the link', async () => {
    await open('bone-niche/');
    await page.locator('#early-dissemination').scrollIntoViewIfNeeded();
    await page.evaluate('document.querySelector("#hsc-niche + section-link a").focus()');
    const focused = page.locator('#hsc-niche + section-link a');
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await focused.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect.poll(clipboard).toBe(`${site}bone-niche/#hsc-niche`);
    await page.close();
  });

  it('the heading keeps its own name for assistive technology', async () => {
    await open('serum-markers/');
    const role = page.getByRole('heading', { name: 'IL-7 as a candidate marker', exact: true });
    expect(await role.count()).toBe(1);
    expect(await page.locator('#il-7').textContent()).toBe('IL-7 as a candidate marker');
    await page.close();
  });
});

describe('passage links', () => {
  it('selecting text offers a passage link that copies a text-fragment URL with the section as fallback', async () => {
    await open('serum-markers/');
    const first = page.locator('.prose h2#il-7').locator('xpath=../following-sibling::p[1]');
    const text = ((await first.textContent()) ?? '').trim();
    await first.scrollIntoViewIfNeeded();
    // Select the first sentence of the paragraph.
    await first.evaluate((p) => {
      const node = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(node.textContent?.length ?? 0, 60));
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    });
    const button = page.locator('.passage-link-button');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await expect.poll(clipboard).toMatch(/:~:text=/);
    const url = await clipboard();
    expect(url.startsWith(`${site}serum-markers/#il-7:~:text=`)).toBe(true);
    const words = text.slice(0, 60).trim().split(/\s+/).slice(0, 2).join(' ');
    expect(decodeURIComponent(url.split(':~:text=')[1] ?? '')).toContain(words.split(' ')[0]);
    await expect.poll(announced).toBe('Link to the passage copied');
    await page.close();

    // Opening the copied link scrolls to the passage.
    page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(400);
    const box = await page.locator('.prose h2#il-7').locator('xpath=../following-sibling::p[1]').boundingBox();
    expect(box && box.y >= -5 && box.y < 900).toBe(true);
    await page.close();
  });
});
