/**
 * Search benchmark: our search page against stock Pagefind (its default UI, default options) on
 * the same built pages. For every query of tests/search/queries.json (the tuning set) and
 * tests/search/holdout.json (held out, never edited by ranking commits): the rank of the first right
 * answer, overall and per category (typos, synonyms, questions, reference look-ups...), with
 * factor-card hits counted apart from page hits, and whether the page was empty. Stock Pagefind
 * cannot return factor pages or /references/ (neither is in its index): its score is also given on
 * the answers it can reach, beside ours on the same answers from result pages alone.
 * Bytes: every byte search can fetch (both indexes, vocabulary, factor names, a factor's early
 * results, synonyms) against stock Pagefind's; what the page loads on open; and, in a fresh page,
 * every response from the first keystroke of a first query to its FIRST results shown (for ours, a
 * factor name's early results: its card and the sections naming it, before the engine loads; for
 * stock, its first result), and to its complete results, for factor names and a reference look-up,
 * for both.
 *
 * `npm run bench` runs it after the site comparison; `node bench/search.mts` runs it alone on an
 * existing dist/.
 */
import { readFileSync, mkdirSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { sitePath, type SearchQuery } from '../tests/helpers/search-runner.ts';

/** Hit rates of one engine over one query set. */
export interface Scores {
  n: number;
  at1: number;
  at3: number;
  /** Queries that ended on a page with no result at all. */
  empty: number;
}

export interface SearchBenchResult {
  name: string;
  /** Bytes the search page loads before anything is typed. */
  openBytes: number;
  /** Every answer, factor cards included. */
  all: Scores;
  /** Rank-1 hits that were a factor card, and those that were a result page. */
  cardAt1: number;
  pageAt1: number;
  /** Result pages alone (no cards), on the queries whose answers include a chapter page, scored on those pages. */
  reachable: Scores;
  /** Per query category. */
  categories: Map<string, Scores>;
  /** The held-out queries (tests/search/holdout.json). */
  holdout: Scores;
  medianMs: number;
  /** A later query in a warm page. */
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
  /** The same without factor cards: result pages only. */
  pageLinks: string;
  /** A page expression, true once the first results for `query` show (the early ones count). */
  first: (query: string) => string;
  /** A page expression, true once the complete results for `query` show: what is ranked is read then. */
  done: (query: string) => string;
}

export const OURS: Engine = {
  name: 'this site',
  path: 'search/',
  input: '#search-q',
  links: '.factor-card a, .search-results > li > a.result-title',
  pageLinks: '.search-results > li > a.result-title',
  // data-state (src/scripts/site-search.ts): "early" once a factor's card and sections show, "done" once the full results do.
  first: (q) => `(() => { const e = document.querySelector('site-search'); return e?.dataset.query === ${JSON.stringify(q)} && (e.dataset.state === 'early' || e.dataset.state === 'done'); })()`,
  done: (q) =>
    `(() => { const s = document.querySelector('.search-status')?.textContent ?? ''; const e = document.querySelector('site-search'); return e?.dataset.state === 'done' && e.dataset.query === ${JSON.stringify(q)} && /found|Nothing|unavailable/.test(s) && s.includes(${JSON.stringify(`“${q}”`)}); })()`,
};

export const STOCK: Engine = {
  name: 'stock Pagefind',
  path: 'bench-stock/',
  input: '.pagefind-ui__search-input',
  links: '.pagefind-ui__result-link',
  pageLinks: '.pagefind-ui__result-link',
  // Its first result's link (it draws the results once their data has loaded), or its "No results".
  first: (q) => `(() => { const m = document.querySelector('.pagefind-ui__message')?.textContent ?? ''; return (m.includes(${JSON.stringify(q)}) && document.querySelector('.pagefind-ui__result-link') !== null) || /No results/.test(m); })()`,
  // The message names the query while it searches too: done once it counts results (or finds none).
  done: (q) => `(() => { const m = document.querySelector('.pagefind-ui__message')?.textContent ?? ''; return (m.includes(${JSON.stringify(q)}) && /\\d+ results? for/.test(m)) || /No results/.test(m); })()`,
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
async function bytesDuring(page: Page, action: () => Promise<unknown>, urls?: string[]): Promise<number> {
  const pending: Promise<number>[] = [];
  const onDone = (request: import('playwright-core').Request) => {
    if (/\/favicon\.(svg|ico)$/.test(request.url())) return; // the browser's, not the search's
    urls?.push(new URL(request.url()).pathname);
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

/** Puts `query` in the box (one input event, as a paste or fast typing gives) and waits for its results. */
async function enterQuery(page: Page, engine: Engine, query: string): Promise<void> {
  await page.fill(engine.input, query);
  await page.waitForFunction(engine.done(query), undefined, { timeout: 15_000, polling: 'raf' });
}

const pathsOf = async (page: Page, selector: string): Promise<string[]> => {
  const hrefs = (await page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((a) => !a.closest('[hidden]')).map((a) => a.getAttribute('href'))`)) as string[];
  const ranked: string[] = [];
  for (const h of hrefs) {
    const p = sitePath(h, '/');
    if (!ranked.includes(p)) ranked.push(p);
  }
  return ranked;
};

/** Types `query` as a reader would; returns the ranked destinations (with and without cards) and the time to render them. */
async function typeQuery(page: Page, engine: Engine, query: string): Promise<{ ranked: string[]; pages: string[]; ms: number }> {
  await page.fill(engine.input, '');
  await page.waitForTimeout(150);
  await page.type(engine.input, query, { delay: 15 });
  const lastKey = (await page.evaluate('performance.now()')) as number;
  await page.waitForFunction(engine.done(query), undefined, { timeout: 15_000, polling: 'raf' });
  const shown = (await page.evaluate('performance.now()')) as number;
  return { ranked: await pathsOf(page, engine.links), pages: await pathsOf(page, engine.pageLinks), ms: shown - lastKey };
}

export interface FirstQuery {
  query: string;
  /** Bytes from the query going into the box to its first results shown. */
  bytes: number;
  /** Bytes from the query going into the box to its complete results. */
  completeBytes: number;
  /** The paths fetched before the first results showed, in order of arrival. */
  urls: string[];
  /** Every path fetched until the complete results, in order of arrival. */
  completeUrls: string[];
}

/**
 * Every byte fetched for a first query: a fresh page (empty cache) is opened and left to settle,
 * then `query` goes into the box; every response from then until its first results show counts
 * for `bytes`, and until its complete results show for `completeBytes`, the engine, indexes and
 * data files included. The moment the first results show is taken in the page itself (a mutation
 * observer calls back at once), so that a file fetched after them never counts as theirs.
 */
export async function firstQueryBytes(browser: Browser, siteUrl: string, engine: Engine, query: string): Promise<FirstQuery> {
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    let shown = false;
    await page.exposeFunction('__benchFirstResults', () => void (shown = true));
    await page.goto(`${siteUrl}${engine.path}`);
    await page.waitForSelector(engine.input);
    await page.waitForLoadState('networkidle');
    await page.evaluate(`(() => {
      const first = () => ${engine.first(query)};
      const observer = new MutationObserver(() => {
        if (!first()) return;
        observer.disconnect();
        window.__benchFirstResults();
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    const sizes: { bytes: Promise<number>; first: boolean; url: string }[] = [];
    const onDone = (request: import('playwright-core').Request) => {
      if (/\/favicon\.(svg|ico)$/.test(request.url())) return; // the browser's, not the search's
      sizes.push({ url: new URL(request.url()).pathname, first: !shown, bytes: request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize).catch(() => 0) });
    };
    context.on('requestfinished', onDone);
    try {
      await enterQuery(page, engine, query);
      await page.waitForTimeout(300);
    } finally {
      context.off('requestfinished', onDone);
    }
    if (!shown) throw new Error(`first query "${query}" on ${engine.name}: the complete results showed, but the first-results signal never came`);
    const bytes = await Promise.all(sizes.map((s) => s.bytes));
    const sum = (keep: (i: number) => boolean) => bytes.reduce((n, b, i) => n + (keep(i) ? b : 0), 0);
    return {
      query,
      bytes: sum((i) => sizes[i]?.first === true),
      completeBytes: sum(() => true),
      urls: sizes.filter((s) => s.first).map((s) => s.url),
      completeUrls: sizes.map((s) => s.url),
    };
  } finally {
    await context.close();
  }
}

const rankOf = (ranked: string[], expect: string[]) => ranked.findIndex((p) => expect.includes(p)) + 1;
const isChapterPage = (p: string) => !p.startsWith('/factors/') && p !== '/references/';

function score(outcomes: { ranked: string[]; expect: string[] }[]): Scores {
  const s = { n: outcomes.length, at1: 0, at3: 0, empty: 0 };
  for (const o of outcomes) {
    const rank = rankOf(o.ranked, o.expect);
    if (rank === 1) s.at1 += 1;
    if (rank >= 1 && rank <= 3) s.at3 += 1;
    if (!o.ranked.length) s.empty += 1;
  }
  return s;
}

export async function benchSearch(browser: Browser, siteUrl: string, engine: Engine, queries: SearchQuery[], holdout: SearchQuery[] = []): Promise<SearchBenchResult> {
  const fresh = await browser.newContext({ bypassCSP: true });
  const page = await fresh.newPage();
  const openBytes = await bytesDuring(page, async () => {
    await page.goto(`${siteUrl}${engine.path}`);
    await page.waitForSelector(engine.input);
    await page.waitForLoadState('networkidle');
  });
  await typeQuery(page, engine, 'osteoclast');
  const laterQueryBytes = await bytesDuring(page, () => typeQuery(page, engine, 'vitamin D'));
  // Ranks and times over the query sets, in the same warm page.
  const times: number[] = [];
  const run = async (set: SearchQuery[]) => {
    const out: { q: SearchQuery; ranked: string[]; pages: string[] }[] = [];
    for (const q of set) {
      const { ranked, pages, ms } = await typeQuery(page, engine, q.query);
      times.push(ms);
      out.push({ q, ranked, pages });
    }
    return out;
  };
  const main = await run(queries);
  const held = await run(holdout);
  await fresh.close();

  const all = score(main.map((o) => ({ ranked: o.ranked, expect: o.q.expect })));
  const firstIsCard = (o: (typeof main)[number]) => rankOf(o.ranked, o.q.expect) === 1 && o.ranked[0]?.startsWith('/factors/') && !o.pages.includes(o.ranked[0] ?? '');
  const cardAt1 = main.filter(firstIsCard).length;
  const reachable = score(
    main
      .filter((o) => o.q.expect.some(isChapterPage))
      .map((o) => ({ ranked: o.pages.filter(isChapterPage), expect: o.q.expect.filter(isChapterPage) })),
  );
  const categories = new Map<string, Scores>();
  for (const name of new Set(main.map((o) => o.q.category ?? 'other'))) {
    categories.set(name, score(main.filter((o) => (o.q.category ?? 'other') === name).map((o) => ({ ranked: o.ranked, expect: o.q.expect }))));
  }
  return {
    name: engine.name,
    openBytes,
    all,
    cardAt1,
    pageAt1: all.at1 - cardAt1,
    reachable,
    categories,
    holdout: score(held.map((o) => ({ ranked: o.ranked, expect: o.q.expect }))),
    medianMs: median(times),
    laterQueryBytes,
  };
}

export function loadQueries(file = 'tests/search/queries.json'): SearchQuery[] {
  return JSON.parse(readFileSync(file, 'utf8')) as SearchQuery[];
}

/** A file as a host sends it: text gzipped, Pagefind's own files (already compressed) as they are. */
function servedBytes(file: string): number {
  const body = readFileSync(file);
  return /\.(js|json|txt|css|html)$/.test(file) ? gzipSync(body, { level: 9 }).length : body.length;
}

const walk = (d: string): string[] => (existsSync(d) ? readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)])) : []);

export interface SearchPart {
  what: string;
  files: number;
  bytes: number;
}

/**
 * Every file search can fetch, as served, by part. Ours: the chapter index and its engine, the
 * references index (merged into that engine, so only its entry, index chunks and fragments), the
 * vocabulary, the factor names, the card summaries, the reference names, the synonyms and the search page's script.
 * Stock Pagefind: the same chapter index and engine, and its UI.
 */
export function searchParts(dist: string): { ours: SearchPart[]; stock: SearchPart[] } {
  const part = (what: string, files: string[]): SearchPart => ({ what, files: files.length, bytes: files.reduce((n, f) => n + servedBytes(f), 0) });
  // wasm.unknown is for pages with no language: every page is indexed as English, so it is never fetched.
  const engine = walk(join(dist, 'pagefind')).filter((f) => !/pagefind-(ui|component-ui|modular-ui|highlight)\.|wasm\.unknown\./.test(f));
  const references = walk(join(dist, 'pagefind-references')).filter((f) => /pagefind-entry\.json$|\.pf_(meta|index|fragment|filter)$/.test(f));
  const top = (re: RegExp) => (existsSync(dist) ? readdirSync(dist).filter((f) => re.test(f)).map((f) => join(dist, f)) : []);
  // The search page's own script (the <site-search> element), as stock Pagefind's UI is counted: the scripts the search page loads and the home page does not.
  const scripts = (page: string) => (existsSync(join(dist, page)) ? [...readFileSync(join(dist, page), 'utf8').matchAll(/<script[^>]*\ssrc="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '') : []);
  const home = new Set(scripts('index.html'));
  const element = scripts('search/index.html').filter((f) => !home.has(f)).map((f) => join(dist, f));
  return {
    ours: [
      part('search page script (<site-search>)', element),
      part('chapter index and engine (/pagefind/)', engine),
      part('references index, merged (/pagefind-references/)', references),
      part('typo vocabulary', top(/^search-vocabulary\.txt$/)),
      part('factor names', top(/^search-factors\.json$/)),
      part('factor cards and their sections (early results)', top(/^search-factor-.*\.json$/)),
      part('reference names and years (early results of a look-up)', top(/^search-reference-names\.json$/)),
      part('synonyms', top(/^search-synonyms\.json$/)),
    ],
    stock: [part('chapter index and engine (/pagefind/)', engine), part('Pagefind UI (pagefind-ui.js, .css)', walk(join(dist, 'pagefind')).filter((f) => /pagefind-ui\.(js|css)$/.test(f)))],
  };
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

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function row(label: string, ours: number, theirs: number, format: (n: number) => string, lowerIsBetter = true): string {
  const ratio = theirs ? ours / theirs : NaN;
  const better = lowerIsBetter ? ours <= theirs : ours >= theirs;
  return `| ${label.padEnd(40)} | ${format(ours).padStart(10)} | ${format(theirs).padStart(10)} | ${ratio.toFixed(2).padStart(6)} | ${better ? 'yes' : 'NO'} |`;
}

/** The queries whose first-query bytes are measured: two factor names and a reference look-up. */
export const FIRST_QUERIES = ['PTHrP', 'IL-7', 'Mundy 2002'];

const pc = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)} %` : '-');

/** Runs both engines over the query sets and prints the search tables. */
export async function printSearchBench(browser: Browser, siteUrl: string, dist: string, log: (s?: string) => void): Promise<void> {
  const queries = loadQueries();
  const holdout = loadQueries('tests/search/holdout.json');
  const mine = await benchSearch(browser, siteUrl, OURS, queries, holdout);
  const stock = await benchSearch(browser, siteUrl, STOCK, queries, holdout);
  log(`## Search: ${queries.length} queries from tests/search/queries.json, ${holdout.length} held out (tests/search/holdout.json), same pages\n`);
  log('Stock Pagefind cannot return factor pages or /references/: neither is in its index. Its first rows count those answers');
  log('as misses; the "answers it can reach" rows score both engines on chapter pages alone, ours without its factor cards.\n');
  log('| measure                                  |  this site |      stock |  ratio | ours better |');
  log('|------------------------------------------|-----------:|-----------:|-------:|-------------|');
  log(row('right answer at rank 1, all answers', (mine.all.at1 / mine.all.n) * 100, (stock.all.at1 / stock.all.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row('right answer in top 3, all answers', (mine.all.at3 / mine.all.n) * 100, (stock.all.at3 / stock.all.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row(`  of which a result page, not a card`, (mine.pageAt1 / mine.all.n) * 100, (stock.pageAt1 / stock.all.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row(`reachable by stock (${mine.reachable.n}): page at rank 1`, (mine.reachable.at1 / mine.reachable.n) * 100, (stock.reachable.at1 / stock.reachable.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row(`reachable by stock: page in top 3`, (mine.reachable.at3 / mine.reachable.n) * 100, (stock.reachable.at3 / stock.reachable.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row(`held out (${mine.holdout.n}): rank 1`, (mine.holdout.at1 / mine.holdout.n) * 100, (stock.holdout.at1 / stock.holdout.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row(`held out: top 3`, (mine.holdout.at3 / mine.holdout.n) * 100, (stock.holdout.at3 / stock.holdout.n) * 100, (n) => `${n.toFixed(1)} %`, false));
  log(row('queries ending on an empty page', mine.all.empty + mine.holdout.empty, stock.all.empty + stock.holdout.empty, (n) => String(n)));
  log(row('last keystroke to results (median)', mine.medianMs, stock.medianMs, (n) => `${n.toFixed(0)} ms`));
  log(row('bytes to open the search page', mine.openBytes, stock.openBytes, kb));
  const firsts: [FirstQuery, FirstQuery][] = [];
  for (const q of FIRST_QUERIES) firsts.push([await firstQueryBytes(browser, siteUrl, OURS, q), await firstQueryBytes(browser, siteUrl, STOCK, q)]);
  for (const [m, s] of firsts) log(row(`first query "${m.query}": first results`, m.bytes, s.bytes, kb));
  for (const [m, s] of firsts) log(row(`first query "${m.query}": all results`, m.completeBytes, s.completeBytes, kb));
  // Stock Pagefind loads its UI when the page opens; ours loads its engine with the first query.
  for (const [m, s] of firsts) log(row(`open page + "${m.query}": all results`, mine.openBytes + m.completeBytes, stock.openBytes + s.completeBytes, kb));
  log(row('bytes for a later query', mine.laterQueryBytes, stock.laterQueryBytes, kb));
  const parts = searchParts(dist);
  const total = (ps: SearchPart[]) => ps.reduce((n, p) => n + p.bytes, 0);
  log(row('everything search can fetch', total(parts.ours), total(parts.stock), kb));
  log();
  log(`Rank-1 answers: ${mine.cardAt1} factor cards and ${mine.pageAt1} result pages of ${mine.all.n} queries (the cards come from the factors' names and aliases).`);
  log('First results: for ours, a factor name shows its card and the chapter sections naming it, and an author-and-year look-up the references');
  log('it names, before the engine loads (the early results);');
  log('then the engine loads and its ranked results replace them. Stock Pagefind shows nothing before its engine and index have loaded.');
  for (const [m] of firsts) {
    log(`First query "${m.query}" fetched, to first results: ${m.urls.join(', ') || '(nothing)'}`);
    log(`  then, to all results: ${m.completeUrls.slice(m.urls.length).join(', ') || '(nothing)'}`);
  }
  log();
  log('### Everything search can fetch, as served (gzip for text; Pagefind files are compressed already)\n');
  log('| part                                               | files |      bytes |');
  log('|----------------------------------------------------|------:|-----------:|');
  for (const [who, ps] of [['this site', parts.ours], ['stock Pagefind', parts.stock]] as const) {
    for (const p of ps) log(`| ${`${who}: ${p.what}`.padEnd(50)} | ${String(p.files).padStart(5)} | ${kb(p.bytes).padStart(10)} |`);
    log(`| ${`${who}: total`.padEnd(50)} | ${String(ps.reduce((n, p) => n + p.files, 0)).padStart(5)} | ${kb(total(ps)).padStart(10)} |`);
  }
  log();
  log('### Per category: rank 1 / top 3 / empty pages\n');
  log('| category                       | queries | this site: rank 1 |   top 3 | empty | stock: rank 1 |   top 3 | empty |');
  log('|--------------------------------|--------:|------------------:|--------:|------:|--------------:|--------:|------:|');
  for (const [name, c] of mine.categories) {
    const s = stock.categories.get(name) ?? { n: c.n, at1: 0, at3: 0, empty: 0 };
    log(`| ${name.padEnd(30)} | ${String(c.n).padStart(7)} | ${pc(c.at1, c.n).padStart(17)} | ${pc(c.at3, c.n).padStart(7)} | ${String(c.empty).padStart(5)} | ${pc(s.at1, s.n).padStart(13)} | ${pc(s.at3, s.n).padStart(7)} | ${String(s.empty).padStart(5)} |`);
  }
  const v = vocabularySize(dist);
  log();
  log(`Typo vocabulary (/search-vocabulary.txt, loaded only when a word of the query has no hit): ${v.words} words, ${kb(v.rawBytes)} front-coded, ${kb(v.gzipBytes)} gzip.`);
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
