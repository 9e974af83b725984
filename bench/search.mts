/**
 * Search benchmark: our factor-aware search page against stock Pagefind (its default UI, default
 * options) on the same built pages. For every query of tests/search/queries.json: the rank of the
 * first right page; time from the last keystroke to rendered results; bytes fetched for a first
 * query and for a later one.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { sitePath, type SearchQuery } from '../tests/helpers/search-runner.ts';

export interface SearchBenchResult {
  name: string;
  /** Bytes the search page loads before anything is typed. */
  openBytes: number;
  at1: number;
  at3: number;
  medianMs: number;
  firstQueryBytes: number;
  laterQueryBytes: number;
}

/** The middle value (mean of the two middle ones for an even count). */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2 : NaN;
};

interface Engine {
  name: string;
  path: string;
  input: string;
  /** Links in rank order, read once results for `query` are shown. */
  links: string;
  done: (query: string) => string;
}

export const OURS: Engine = {
  name: 'this site',
  path: 'search/',
  input: '#search-q',
  links: '.factor-card a, .search-results > li > a.result-title',
  done: (q) => `(() => { const s = document.querySelector('.search-status')?.textContent ?? ''; return /found|Nothing/.test(s) && s.includes(${JSON.stringify(`“${q}”`)}); })()`,
};

export const STOCK: Engine = {
  name: 'stock Pagefind',
  path: 'bench-stock/',
  input: '.pagefind-ui__search-input',
  links: '.pagefind-ui__result-link',
  done: (q) => `(() => { const m = document.querySelector('.pagefind-ui__message')?.textContent ?? ''; return m.includes(${JSON.stringify(q)}) || /No results/.test(m); })()`,
};

/** The stock Pagefind UI on a page of its own, with default options. */
export function writeStockHarness(dist: string): () => void {
  const dir = join(dist, 'bench-stock');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stock Pagefind</title><link rel="stylesheet" href="/pagefind/pagefind-ui.css"><script src="/pagefind/pagefind-ui.js"></script></head><body><div id="search"></div><script src="./stock.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'stock.js'), 'new PagefindUI({ element: "#search" });\n');
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Bytes received (compressed bodies and headers) by the page and its workers while `action` runs. */
async function bytesDuring(page: Page, action: () => Promise<unknown>): Promise<number> {
  const pending: Promise<number>[] = [];
  const onDone = (request: import('playwright-core').Request) => {
    if (/\/favicon\.(svg|ico)$/.test(request.url())) return; // the browser's, not the search's
    pending.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0));
  };
  page.context().on('requestfinished', onDone);
  try {
    await action();
    await page.waitForTimeout(300);
  } finally {
    page.context().off('requestfinished', onDone);
  }
  return (await Promise.all(pending)).reduce((a, b) => a + b, 0);
}

/** Types `query` as a reader would and returns the ranked destinations and the time to render them. */
async function typeQuery(page: Page, engine: Engine, query: string): Promise<{ ranked: string[]; ms: number }> {
  await page.fill(engine.input, '');
  await page.waitForTimeout(150);
  await page.type(engine.input, query, { delay: 15 });
  const lastKey = (await page.evaluate('performance.now()')) as number;
  await page.waitForFunction(engine.done(query), undefined, { timeout: 15_000, polling: 'raf' });
  const shown = (await page.evaluate('performance.now()')) as number;
  const hrefs = (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(engine.links)})].map((a) => a.getAttribute('href'))`)) as string[];
  const ranked: string[] = [];
  for (const h of hrefs) {
    const p = sitePath(h, '/');
    if (!ranked.includes(p)) ranked.push(p);
  }
  return { ranked, ms: shown - lastKey };
}

export async function benchSearch(browser: Browser, siteUrl: string, engine: Engine, queries: SearchQuery[]): Promise<SearchBenchResult> {
  // Bytes: a fresh page, a first query, then a later one.
  const fresh = await browser.newContext({ bypassCSP: true });
  const page = await fresh.newPage();
  const openBytes = await bytesDuring(page, async () => {
    await page.goto(`${siteUrl}${engine.path}`);
    await page.waitForSelector(engine.input);
    await page.waitForLoadState('networkidle');
  });
  const firstQueryBytes = await bytesDuring(page, () => typeQuery(page, engine, 'osteoclast'));
  const laterQueryBytes = await bytesDuring(page, () => typeQuery(page, engine, 'vitamin D'));
  // Ranks and times over the whole query set, in the same warm page.
  const times: number[] = [];
  let at1 = 0;
  let at3 = 0;
  for (const q of queries) {
    const { ranked, ms } = await typeQuery(page, engine, q.query);
    times.push(ms);
    const rank = ranked.findIndex((p) => q.expect.includes(p)) + 1;
    if (rank === 1) at1 += 1;
    if (rank >= 1 && rank <= 3) at3 += 1;
  }
  await fresh.close();
  return { name: engine.name, openBytes, at1: at1 / queries.length, at3: at3 / queries.length, medianMs: median(times), firstQueryBytes, laterQueryBytes };
}

export function loadQueries(): SearchQuery[] {
  return JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as SearchQuery[];
}
