/**
 * Accessibility gates in Chromium: axe-core (WCAG 2.0-2.2 A and AA) on every built page in the light
 * theme; in the dark theme, whose only change is colour, axe's colour rules on one page of each kind;
 * with search results showing; a keyboard-only walk of a chapter; no layout shift from
 * fonts or previews; no request to another origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, colourRules, describeViolations } from '../helpers/axe.ts';
import { builtPages, CHAPTER_PATHS } from '../helpers/dist.ts';

const site = inject('siteUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const url = (path: string) => `${site}${path.replace(/^\//, '')}${path.endsWith('/') || path === '/' ? '' : '.html'}`;

/** The kind of a built page: its template. A new kind of page must get a dark-theme check below. */
const kindOf = (path: string): string => (/^\/factors\/[^/]+\/$/.test(path) ? 'factor page' : CHAPTER_PATHS.includes(path) ? 'chapter' : path);
/**
 * One page of each kind for the dark theme: every page that is not a chapter or a factor page is its own
 * kind; the chapters with the graph figures and with the table figure; a factor page with a diagram.
 */
const DARK_PAGES = ['/', '/about/', '/references/', '/search/', '/factors/', '/404', '/osteoclast-factors/', '/serum-markers/', '/factors/pthrp/'];

describe('axe on every page', () => {
  it('every built page has no WCAG A/AA violation in the light theme', async () => {
    const context = await browser.newContext({ colorScheme: 'light', bypassCSP: true });
    const page = await context.newPage();
    const failures: string[] = [];
    // The embed pages, one template over every h2, have their own axe test (tests/e2e/teaching.test.ts).
    for (const path of [...builtPages().keys()].filter((p) => !p.startsWith('/embed/'))) {
      await page.goto(url(path));
      const v = await axeViolations(page);
      if (v.length) failures.push(`${path}:\n${describeViolations(v)}`);
    }
    await context.close();
    expect(failures.join('\n')).toBe('');
  }, 300_000);

  it('in the dark theme, one page of each kind passes axe’s colour rules (contrast, links told apart from text)', async () => {
    const kinds = new Set([...builtPages().keys()].filter((p) => !p.startsWith('/embed/')).map(kindOf));
    expect([...kinds].filter((k) => !DARK_PAGES.some((p) => kindOf(p) === k)), 'kinds of page with no dark-theme check').toEqual([]);
    const context = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of DARK_PAGES) {
      await page.goto(url(path));
      // The page really is in the dark theme: its background is dark.
      const background = (await page.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
      expect((background.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((s, n) => s + n, 0), `${path}: ${background}`).toBeLessThan(3 * 100);
      const v = await axeViolations(page, { only: 'colour' });
      if (v.length) failures.push(`${path}:\n${describeViolations(v)}`);
    }
    expect((await colourRules(page)).sort()).toEqual(['color-contrast', 'link-in-text-block']);
    await context.close();
    expect(failures.join('\n')).toBe('');
  }, 120_000);

  it('the search page with results and a factor card showing has no violation', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site}search/?q=IL-7`);
    await page.waitForSelector('.factor-card');
    const v = await axeViolations(page);
    expect(v, describeViolations(v)).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  const focusRing = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { tag: el.tagName, cls: el.className, text: (el.textContent ?? '').trim().slice(0, 40), outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

  it('a chapter is walked with Tab: skip link, navigation, search, citations and copy-link controls, each with a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}immune-regulation/`);
    const reached = new Set<string>();
    // The chapter opens with its key points, whose citations and factor links come before the first
    // section's copy-link control: walk until all five kinds are reached, at most 150 presses.
    for (let i = 0; i < 150 && reached.size < 5; i++) {
      await page.keyboard.press('Tab');
      const f = await focusRing(page);
      expect(f.outline, `${f.tag}.${f.cls} "${f.text}"`).not.toBe('none');
      expect(f.width, `${f.tag}.${f.cls}`).toBeGreaterThanOrEqual(2);
      if (f.cls.includes('skip-link')) reached.add('skip link');
      if (f.tag === 'INPUT' && f.cls === '') reached.add('search');
      if (f.text === 'Factor atlas') reached.add('navigation');
      if (f.cls.includes('section-link')) reached.add('copy-link control');
      if ((await page.evaluate(() => document.activeElement?.closest('.citation') !== null))) reached.add('citation');
    }
    expect([...reached].sort()).toEqual(['citation', 'copy-link control', 'navigation', 'search', 'skip link']);
    await page.close();
  });

  it('the skip link moves focus to the main content', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}bone-niche/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });
});

describe('stability and privacy', () => {
  it('reading a chapter and opening previews shifts no layout', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}osteoclast-factors/`);
    await page.evaluate(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (let i = 0; i < 4; i++) {
      await page.locator('.prose .citation a').nth(i * 3).hover();
      await page.waitForSelector('.citation-popover');
      await page.mouse.move(2, 2);
      await page.waitForTimeout(400);
    }
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.01);
    await page.close();
  });

  it('no page requests anything from another origin, searching included', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    const origin = new URL(site).origin;
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    for (const path of ['', 'introduction/', 'factors/', 'factors/pthrp/', 'references/', 'search/?q=TGF%20beta']) {
      await page.goto(`${site}${path}`);
      await page.waitForLoadState('networkidle');
    }
    expect(foreign).toEqual([]);
    await page.close();
  });
});
