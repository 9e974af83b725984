/**
 * Search in Chromium against the built site: from the header to the chapter, factor cards, section
 * deep links, a factor name's and an author-and-year look-up's early results before the engine loads, the chapter filter, keyboard
 * use, landing highlights, hostile queries, and no-JS.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { axeViolations, describeViolations } from '../helpers/axe.ts';

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

/** Every data-state the search element passes through for `query`, opened from ?q= in a fresh page, until "done". */
async function statesOf(query: string): Promise<string[]> {
  const seen: string[] = [];
  const p = await browser.newPage();
  await p.exposeFunction('__seen', (s: string) => void seen.push(s));
  await p.addInitScript(() => {
    new MutationObserver(() => {
      const s = document.querySelector('site-search')?.getAttribute('data-state');
      if (s) (window as unknown as { __seen(s: string): void }).__seen(s);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await p.goto(`${site}search/?q=${encodeURIComponent(query)}`);
  await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done');
  await p.close();
  return seen;
}

describe('a factor name’s early results', () => {
  const state = (p: Page) => p.evaluate(() => document.querySelector('site-search')?.getAttribute('data-state'));
  const focused = (p: Page) => p.evaluate(() => {
    const a = document.activeElement;
    return { href: a?.getAttribute('href') ?? null, early: a?.closest('.search-results-early') !== null, connected: a?.isConnected === true };
  });

  it('show the card and the sections naming it before the engine loads, say the full results are coming, then give way to them with focus kept', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // axe is injected as a script
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/pagefind\//, async (route) => {
      await held;
      await route.continue();
    });
    const p = await context.newPage();
    await p.goto(`${site}search/`);
    await p.fill('#search-q', 'PTHrP');
    await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'early');
    // The engine is held back: everything shown so far came from the site's small files.
    expect(await p.locator('.search-status').textContent()).toBe('PTHrP: factor page first, then sections naming it. Full results loading…');
    expect(await p.locator('.search-output').getAttribute('aria-busy')).toBe('true');
    expect(await p.locator('.factor-card a').getAttribute('href')).toBe('/factors/pthrp/');
    expect(await p.locator('.factor-card-summary').textContent()).toMatch(/\w{3,}/);
    const sections = await p.locator('.sub-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(sections).toContain('/bone-niche/?highlight=pthrp#calcium');
    expect(sections).toContain('/osteoclast-factors/?highlight=pthrp#pthrp-micrornas');
    expect(await p.locator('.search-results mark').count()).toBeGreaterThan(0);
    expect(describeViolations(await axeViolations(p))).toBe('');
    // A reader moves into the early results: card, first chapter, its first section.
    await p.focus('#search-q');
    for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowDown');
    const before = await focused(p);
    expect(before.early).toBe(true);
    expect(before.href).toMatch(/^\/osteoclast-factors\/\?highlight=pthrp#/);

    release();
    await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done');
    expect(await p.locator('.search-status').textContent()).toMatch(/^PTHrP: factor page first\. \d+ pages? found for “PTHrP”\.$/);
    expect(await p.locator('.search-output').getAttribute('aria-busy')).toBeNull();
    expect(await p.locator('.search-results-early').count()).toBe(0);
    expect(await focused(p)).toEqual({ href: before.href, early: false, connected: true });
    expect(describeViolations(await axeViolations(p))).toBe('');
    expect(await state(p)).toBe('done');
    await context.close();
  });

  it('a query with other words than a factor’s name, or none, waits for the full results: no early list', async () => {
    for (const q of ['serum IL-7 levels', 'radiolucent']) {
      await page.goto(`${site}search/?q=${encodeURIComponent(q)}`);
      await done();
      expect(await page.locator('.search-results-early').count(), q).toBe(0);
    }
    expect(await statesOf('serum IL-7 levels')).not.toContain('early');
  });
});

describe('an author-and-year look-up’s early results', () => {
  it('show the references with those authors and year before the engine loads, then the full results keep them first, with focus kept', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // axe is injected as a script
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetched: string[] = [];
    context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await context.route(/\/pagefind(-references)?\//, async (route) => {
      await held;
      await route.continue();
    });
    const p = await context.newPage();
    await p.goto(`${site}search/`);
    await p.fill('#search-q', 'Mundy 2002');
    await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'early');
    // The engine is held back: the references shown came from the site's small file of reference names.
    expect(fetched).toContain('/search-reference-names.json');
    expect(await p.locator('.search-status').textContent()).toMatch(/^(The reference|References) with these authors and year first\. Full results loading…$/);
    expect(await p.locator('.search-output').getAttribute('aria-busy')).toBe('true');
    const early = p.locator('.reference-results > li');
    expect(await early.first().locator('a.result-title').getAttribute('href')).toBe('/references/#mundy2002');
    expect(await early.first().locator('.reference-badge').textContent()).toMatch(/^Reference 30 in the review · \S/);
    const cited = await early.first().locator('.reference-cited-in a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(c).toMatch(/^\/[a-z-]+\/(#[a-z0-9-]+)?$/);
    expect(describeViolations(await axeViolations(p))).toBe('');
    await p.focus('#search-q');
    await p.keyboard.press('ArrowDown');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/references/#mundy2002');

    release();
    await p.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-state') === 'done');
    expect(await p.locator('.search-output').getAttribute('aria-busy')).toBeNull();
    const order = await p.locator('.factor-card a, .search-results > li > a.result-title').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(order[0]).toBe('/references/#mundy2002');
    expect(await p.locator('.reference-results > li').first().locator('.result-excerpt mark').count()).toBeGreaterThan(0);
    expect(await p.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/references/#mundy2002');
    // The look-up's words were answered early: no typo vocabulary was fetched for them.
    expect(fetched.filter((u) => u.includes('search-vocabulary'))).toEqual([]);
    expect(describeViolations(await axeViolations(p))).toBe('');
    await context.close();
  });

  it('a name with a year no reference of that author has shows nothing early and waits for the full results', async () => {
    const states = await statesOf('Mundy 1987');
    expect(states).toEqual(expect.arrayContaining(['searching', 'done']));
    expect(states).not.toContain('early');
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
