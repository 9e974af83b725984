/**
 * Search benchmark: our search page against stock Pagefind (its default UI, default options) on
 * the same built pages. For every query of tests/search/queries.json: the rank of the first right
 * page, overall and per category (typos, synonyms, questions, reference look-ups...), and whether
 * the page was empty; time from the last keystroke to rendered results; bytes to open the search
 * page, for a first query and for a later one, measured the same way for both; and the size of
 * the typo vocabulary.
 *
 * `npm run bench` runs it after the site comparison; `node bench/search.mts` runs it alone on an
 * existing dist/.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { sitePath, type SearchQuery } from '../tests/helpers/search-runner.ts';

export interface SearchBenchResult {
  name: string;
  /** Bytes the search page loads before anything is typed. */
  openBytes: number;
  at1: number;
  at3: number;
  /** Queries that ended on a page with no result at all. */
  empty: number;
  /** Hit rates per query category. */
  categories: Map<string, { n: number; at1: number; at3: number; empty: number }>;
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
  done: (q) => `(() => { const s = document.querySelector('.search-status')?.textContent ?? ''; return /found|Nothing|unavailable/.test(s) && s.includes(${JSON.stringify(`“${q}”`)}); })()`,
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
  let empty = 0;
  const categories = new Map<string, { n: number; at1: number; at3: number; empty: number }>();
  for (const q of queries) {
    const { ranked, ms } = await typeQuery(page, engine, q.query);
    times.push(ms);
    const rank = ranked.findIndex((p) => q.expect.includes(p)) + 1;
    const c = categories.get(q.category ?? 'other') ?? { n: 0, at1: 0, at3: 0, empty: 0 };
    c.n += 1;
    if (rank === 1) (at1 += 1), (c.at1 += 1);
    if (rank >= 1 && rank <= 3) (at3 += 1), (c.at3 += 1);
    if (!ranked.length) (empty += 1), (c.empty += 1);
    categories.set(q.category ?? 'other', c);
  }
  await fresh.close();
  return { name: engine.name, openBytes, at1: at1 / queries.length, at3: at3 / queries.length, empty, categories, medianMs: median(times), firstQueryBytes, laterQueryBytes };
}

export function loadQueries(): SearchQuery[] {
  return JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as SearchQuery[];
}

export interface VocabularySize {
  words: number;
  rawBytes: number;
  gzipBytes: number;
}

/** The typo vocabulary as shipped: words, bytes, and bytes after gzip (what a host sends). */
export function vocabularySize(dist: string): VocabularySize {
  const file = join(dist, 'search-vocabulary.txt');
  if (!existsSync(file)) return { words: 0, rawBytes: 0, gzipBytes: 0 };
  const text = readFileSync(file);
  return { words: text.toString('utf8').split('\n').filter(Boolean).length, rawBytes: text.length, gzipBytes: gzipSync(text, { level: 9 }).length };
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function row(label: string, ours: number, theirs: number, format: (n: number) => string, lowerIsBetter = true): string {
  const ratio = theirs ? ours / theirs : NaN;
  const better = lowerIsBetter ? ours <= theirs : ours >= theirs;
  return `| ${label.padEnd(40)} | ${format(ours).padStart(10)} | ${format(theirs).padStart(10)} | ${ratio.toFixed(2).padStart(6)} | ${better ? 'yes' : 'NO'} |`;
}

/** Runs both engines over the query set and prints the search tables. */
export async function printSearchBench(browser: Browser, siteUrl: string, dist: string, log: (s?: string) => void): Promise<void> {
  const queries = loadQueries();
  const mine = await benchSearch(browser, siteUrl, OURS, queries);
  const stock = await benchSearch(browser, siteUrl, STOCK, queries);
  log(`## Search: ${queries.length} queries from tests/search/queries.json, same pages\n`);
  log('| measure                                  |  this site |      stock |  ratio | ours better |');
  log('|------------------------------------------|-----------:|-----------:|-------:|-------------|');
  log(row('right page at rank 1', mine.at1 * 100, stock.at1 * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row('right page in top 3', mine.at3 * 100, stock.at3 * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row('queries ending on an empty page', mine.empty, stock.empty, (n) => String(n)));
  log(row('last keystroke to results (median)', mine.medianMs, stock.medianMs, (n) => `${n.toFixed(0)} ms`));
  log(row('bytes to open the search page', mine.openBytes, stock.openBytes, kb));
  log(row('bytes for a first query', mine.firstQueryBytes, stock.firstQueryBytes, kb));
  log(row('open the page + first query', mine.openBytes + mine.firstQueryBytes, stock.openBytes + stock.firstQueryBytes, kb));
  log(row('bytes for a later query', mine.laterQueryBytes, stock.laterQueryBytes, kb));
  log();
  log('### Per category: rank 1 / top 3 / empty pages\n');
  log('| category                       | queries | this site: rank 1 |   top 3 | empty | stock: rank 1 |   top 3 | empty |');
  log('|--------------------------------|--------:|------------------:|--------:|------:|--------------:|--------:|------:|');
  for (const [name, c] of mine.categories) {
    const s = stock.categories.get(name) ?? { n: c.n, at1: 0, at3: 0, empty: 0 };
    log(`| ${name.padEnd(30)} | ${String(c.n).padStart(7)} | ${pct(c.at1 / c.n).padStart(17)} | ${pct(c.at3 / c.n).padStart(7)} | ${String(c.empty).padStart(5)} | ${pct(s.at1 / s.n).padStart(13)} | ${pct(s.at3 / s.n).padStart(7)} | ${String(s.empty).padStart(5)} |`);
  }
  const v = vocabularySize(dist);
  log();
  log(`Typo vocabulary (/search-vocabulary.txt, loaded with the first query): ${v.words} words, ${kb(v.rawBytes)} front-coded, ${kb(v.gzipBytes)} gzip.`);
}

// `node bench/search.mts`: the search part alone, on the dist/ already built.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startStaticServer } = await import('../tests/helpers/static-server.ts');
  const { launchChromium } = await import('../tests/helpers/browser.ts');
  if (!existsSync('dist/index.html')) throw new Error('dist/ has no index.html: run "npm run build" first.');
  const cleanup = writeStockHarness('dist');
  const server = await startStaticServer('dist', '/');
  const browser = await launchChromium();
  try {
    await printSearchBench(browser, server.url, 'dist', (line = '') => process.stdout.write(`${line}\n`));
  } finally {
    await browser.close();
    cleanup();
    await server.close();
  }
}
