/**
 * The evidence filter in Chromium: chosen by keyboard, it hides relations outside the choice from
 * lists and greys their arrows, says how many are shown in a live region, keeps the choice in the
 * address through a reload, and passes axe in both themes with a filter applied. Without JavaScript
 * every relation shows with its badge.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('the evidence filter', () => {
  it('chosen with the keyboard on a chapter, it hides non-lung relations, greys their arrows, announces the count and puts the choice in the address', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site}osteoclast-factors/`);
    const control = page.locator('#fig-vicious-cycle evidence-filter');
    await expect.poll(() => control.isVisible()).toBe(true);
    const total = await page.locator('#fig-vicious-cycle li.relation-line').count();
    const lung = await page.locator('#fig-vicious-cycle li.relation-line[data-filter-groups~="lung"]').count();
    expect(lung).toBeGreaterThan(0);
    expect(lung).toBeLessThan(total);
    await control.locator('input[value="all"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['evidenceFilter'])).toBe('lung');
    expect(new URL(page.url()).searchParams.get('cancer')).toBe('lung');
    expect(await control.locator('output').getAttribute('aria-live')).toBe('polite');
    expect(await control.locator('output').textContent()).toBe(`${lung} of ${total} relations come from lung cancer; the others are hidden from lists and greyed in figures.`);
    await page.locator('#fig-vicious-cycle details.diagram-text summary').click();
    const visible = await page.locator('#fig-vicious-cycle li.relation-line').evaluateAll((lis) => lis.filter((li) => (li as HTMLElement).offsetParent !== null).map((li) => li.getAttribute('data-filter-groups')));
    expect(visible.length).toBe(lung);
    for (const g of visible) expect(g?.split(' ')).toContain('lung');
    const greyed = await page.locator('#fig-vicious-cycle svg.fig-wide .fig-arrow:not([data-filter-groups~="lung"])').first().evaluate((g) => getComputedStyle(g).opacity);
    const kept = await page.locator('#fig-vicious-cycle svg.fig-wide .fig-arrow[data-filter-groups~="lung"]').first().evaluate((g) => getComputedStyle(g).opacity);
    expect(Number(greyed)).toBeLessThan(0.5);
    expect(Number(kept)).toBe(1);
    await context.close();
  });

  it('a linked view (?evidence=human) applies on load and survives a reload; choosing all evidence clears the address', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site}factors/t-cell/?evidence=human`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['evidenceFilter'])).toBe('human');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['evidenceFilter'])).toBe('human');
    expect(await page.locator('evidence-filter input[value="human"]').isChecked()).toBe(true);
    const hidden = await page.locator('li.relation-line:not([data-filter-groups~="human"])').first().isVisible();
    expect(hidden).toBe(false);
    expect(await page.locator('evidence-filter output').textContent()).toMatch(/^\d+ of \d+ relations? rests? on human evidence/);
    await page.locator('evidence-filter input[value="all"]').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['evidenceFilter'] ?? 'all')).toBe('all');
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  it('without JavaScript every relation shows with its badge and the control stays hidden', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site}factors/t-cell/?cancer=lung`);
    expect(await page.locator('evidence-filter').isVisible()).toBe(false);
    const lines = page.locator('#what-it-does + .relations > li.relation-line');
    const n = await lines.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) expect(await lines.nth(i).isVisible()).toBe(true);
    expect(await page.locator('#what-it-does + .relations .evidence-badge').count()).toBe(n);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`with a filter applied, a chapter and a factor page have no WCAG A/AA violation in the ${scheme} theme`, async () => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const path of ['immune-regulation/?cancer=lung', 'factors/il-7/?evidence=human', 'factors/?cancer=lung']) {
        await page.goto(`${site}${path}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.dataset['evidenceFilter'] ?? '')).not.toBe('');
        const v = await axeViolations(page);
        if (v.length) failures.push(`${path}:\n${describeViolations(v)}`);
      }
      await context.close();
      expect(failures.join('\n')).toBe('');
    }, 120_000);
  }
});
