/**
 * Reading a chapter in Chromium: citation previews by mouse, keyboard and touch, back-references,
 * the theme toggle, the current section in the contents, and accessibility with a preview open.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function openChapter(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${site}${path}`);
  // The chapter's script has run (citation previews themselves load on the first hover, focus or tap).
  await page.waitForFunction('customElements.get("section-link") !== undefined');
  return { context, page };
}

const popover = (page: Page) => page.locator('.citation-popover');

describe('citation previews', () => {
  it('hovering a citation shows its full reference with a DOI link that can be clicked', async () => {
    const { context, page } = await openChapter('introduction/');
    const citation = page.locator('.citation[data-cites="brown2005"], .citation[data-cites~="brown2005"]').first();
    await citation.hover();
    await expect.poll(() => popover(page).count()).toBe(1);
    const text = await popover(page).textContent();
    expect(text).toContain('Bone turnover markers as predictors of skeletal complications');
    const doi = popover(page).locator('a[href="https://doi.org/10.1093/jnci/dji002"]');
    expect(await doi.isVisible()).toBe(true);
    // Moving the pointer from the citation into the preview keeps it open (hoverable).
    const box = await popover(page).boundingBox();
    await page.mouse.move((box?.x ?? 0) + 20, (box?.y ?? 0) + 20, { steps: 5 });
    await page.waitForTimeout(500);
    expect(await popover(page).count()).toBe(1);
    // Moving well away closes it.
    await page.mouse.move(5, 880, { steps: 5 });
    await expect.poll(() => popover(page).count()).toBe(0);
    await context.close();
  });

  it('keyboard focus on a citation opens the preview, and Escape closes it', async () => {
    const { context, page } = await openChapter('introduction/');
    await page.locator('.prose .citation a').first().focus();
    await expect.poll(() => popover(page).count()).toBe(1);
    expect(await popover(page).getAttribute('role')).toBe('dialog');
    // Down arrow moves into the preview's links (Tab passes them by: tests/e2e/comfort.test.ts); the first is
    // the entry's identification badge, then its DOI.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.outerHTML')).toMatch(/class="ref-status"/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.outerHTML')).toMatch(/ref-doi/);
    expect(await page.evaluate('document.activeElement.closest(".citation-popover") !== null')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await popover(page).count()).toBe(0);
    expect(await page.evaluate('document.activeElement.closest(".citation") !== null')).toBe(true);
    await context.close();
  });

  it('a tap opens the preview without leaving the page, and a second tap closes it', async () => {
    const { context, page } = await openChapter('introduction/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
    const link = page.locator('.prose .citation a').first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => popover(page).count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    await link.tap();
    await expect.poll(() => popover(page).count()).toBe(0);
    await context.close();
  });

  it('a grouped citation such as a range shows every entry of the group', async () => {
    const { context, page } = await openChapter('immune-regulation/');
    const group = page.locator('.prose .citation[data-cites="colucci2004 roato2014ref65 roato2014ref66 roato2013"]').first();
    expect(await group.count()).toBe(1);
    await group.hover();
    await expect.poll(() => popover(page).locator('li').count()).toBe(4);
    const text = (await popover(page).textContent()) ?? '';
    expect(text).toContain('T cells support osteoclastogenesis');
    expect(text).toContain('Reference 65 of the review, not yet identified');
    expect(text).toContain('Interaction among Cells of Bone, Immune System, and Solid Tumors');
    await context.close();
  });

  it('without JavaScript a citation is a plain link to its entry', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}introduction/`);
    const link = page.locator('.prose .citation a').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator(`${href}`).isVisible()).toBe(true);
    await context.close();
  });
});

describe('back-references', () => {
  it('a back-link in the reference list lands on the citation and highlights it', async () => {
    const { context, page } = await openChapter('introduction/');
    const back = page.locator('#bib-coleman1997 .backref').nth(1);
    const target = ((await back.getAttribute('href')) ?? '').slice(1);
    await back.click();
    expect(new URL(page.url()).hash).toBe(`#${target}`);
    const highlighted = await page.evaluate(`getComputedStyle(document.getElementById(${JSON.stringify(target)})).outlineStyle`);
    expect(highlighted).toBe('solid');
    await context.close();
  });
});

describe('reading comfort', () => {
  it('the theme toggle switches to dark and the choice is remembered on the next page', async () => {
    const { context, page } = await openChapter('introduction/', { colorScheme: 'light' });
    const button = page.locator('theme-toggle button');
    expect(await button.textContent()).toBe('Theme: System');
    // System, then light, then dark (the full cycle: tests/e2e/comfort.test.ts).
    await button.click();
    await button.click();
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    await page.goto(`${site}bone-niche/`);
    expect(await page.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    expect(await page.locator('theme-toggle button').textContent()).toBe('Theme: Dark');
    const bg = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(bg).toBe('rgb(22, 24, 27)');
    await context.close();
  });

  it('the contents mark the section being read', async () => {
    const { context, page } = await openChapter('osteoclast-factors/');
    await page.locator('#notch').scrollIntoViewIfNeeded();
    await page.evaluate('document.getElementById("notch").scrollIntoView({ block: "start" })');
    await expect.poll(() => page.locator('.toc a[aria-current="true"]').getAttribute('href')).toBe('#notch');
    await context.close();
  });

  it('printing a chapter hides navigation, keeps the text and the reference list, and prints each reference\'s DOI as its text', async () => {
    const { context, page } = await openChapter('immune-regulation/');
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    for (const hidden of ['.site-header', '.site-footer', '.toc', '.pager', '.skip-link']) expect(await display(hidden), hidden).toBe('none');
    for (const shown of ['.prose', '.references', '.reference-list']) expect(await display(shown), shown).not.toBe('none');
    // The compact printed reference list (print.css): a DOI link prints as its text, "doi:10.…",
    // which names the target, without the URL repeated after it.
    const doi = page.locator('.prose .reference-list a.ref-doi').first();
    expect(await doi.textContent()).toMatch(/^doi:10\./);
    expect(await doi.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
    // A long table may break between pages rather than leave half a page blank.
    expect(await page.locator('.prose table').first().evaluate((t) => getComputedStyle(t).breakInside)).toBe('auto');
    await context.close();
  });

  it('a chapter is readable at 320 px: nothing wider than the screen', async () => {
    const { context, page } = await openChapter('serum-markers/', { viewport: { width: 320, height: 700 } });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await context.close();
  });
});

describe('cite this page', () => {
  it('the copy button puts the chapter citation on the clipboard and says so', async () => {
    const { context, page } = await openChapter('introduction/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const block = page.locator('copy-button[for="cite-review-vancouver"]');
    await block.locator('button').click();
    // The clipboard write is asynchronous: the status follows it.
    await expect.poll(() => block.locator('[role=status]').textContent()).toBe('Copied');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(await page.locator('#cite-review-vancouver').textContent());
    await context.close();
  });
});

describe('accessibility with a preview open', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no WCAG A/AA violation in the ${scheme} theme with a citation preview open`, async () => {
      const { context, page } = await openChapter('bone-niche/', { colorScheme: scheme });
      await page.locator('.prose .citation a').nth(2).focus();
      await expect.poll(() => popover(page).count()).toBe(1);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }
});
