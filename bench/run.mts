/**
 * npm run bench: prints numbers, asserts nothing.
 *
 * 1. This site against stock Starlight (bench/starlight: pinned version, default settings plus
 *    rehype-citation) building the same chapters and bibliography: build time including the search
 *    index, first-visit bytes of a chapter, JavaScript bytes, search-index bytes, Lighthouse scores
 *    (lighthouse 12.2.3, Debian's Chromium, mobile preset). Medians of BENCH_RUNS runs (default 5).
 * 2. Our search against stock Pagefind on the same pages, over tests/search/queries.json.
 * 3. Figures: width, edges, crossings, overlaps and smallest label of each (bench/figures.mts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { pageWeight } from '../src/lib/site/page-weight.ts';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { CHROMIUM_PATH, launchChromium } from '../tests/helpers/browser.ts';
import { prepareStarlight, STARLIGHT_DIR } from './prepare-starlight.mts';
import { median, printSearchBench, writeStockHarness } from './search.mts';
import { figureBenchLines } from './figures.mts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const CHAPTER = '/osteoclast-factors/';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const log = (s = '') => process.stdout.write(`${s}\n`);

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} failed:\n${r.stdout}\n${r.stderr}`.slice(-4000));
}

function timedBuilds(cwd: string): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run('npx', ['astro', 'build'], cwd);
    times.push((performance.now() - t) / 1000);
  }
  return times;
}

/** Bytes of the search index proper: entry, index chunks, fragments, filters, WebAssembly and its loader. */
function indexBytes(dist: string): number {
  const dir = join(dist, 'pagefind');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return walk(dir)
    .filter((f) => !/pagefind-(ui|component-ui|modular-ui|highlight)\./.test(f))
    .reduce((n, f) => n + statSync(f).size, 0);
}

async function lighthouseScores(url: string): Promise<Record<string, number>> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const all: Record<string, number[]> = {};
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      for (const c of CATEGORIES) (all[c] ??= []).push(Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
    }
    return Object.fromEntries(CATEGORIES.map((c) => [c, median(all[c] ?? [])]));
  } finally {
    chrome.kill();
  }
}

function row(label: string, ours: number, theirs: number, format: (n: number) => string, lowerIsBetter = true): string {
  const ratio = theirs ? ours / theirs : NaN;
  const better = lowerIsBetter ? ours <= theirs : ours >= theirs;
  return `| ${label.padEnd(34)} | ${format(ours).padStart(10)} | ${format(theirs).padStart(10)} | ${ratio.toFixed(2).padStart(6)} | ${better ? 'yes' : 'NO'} |`;
}

async function main(): Promise<void> {
  log(`# Benchmark (${RUNS} runs each, medians)\n`);
  if (!existsSync(join(STARLIGHT_DIR, 'node_modules/@astrojs/starlight'))) run('npm', ['ci', '--no-audit', '--no-fund'], STARLIGHT_DIR);
  prepareStarlight();

  const oursBuild = timedBuilds('.');
  const starBuild = timedBuilds(STARLIGHT_DIR);
  const ours = pageWeight('dist', CHAPTER);
  const star = pageWeight(join(STARLIGHT_DIR, 'dist'), CHAPTER);

  const cleanup = writeStockHarness('dist');
  const oursServer = await startStaticServer('dist', '/');
  const starServer = await startStaticServer(join(STARLIGHT_DIR, 'dist'), '/');
  const oursLh = await lighthouseScores(`${oursServer.url}${CHAPTER.slice(1)}`);
  const starLh = await lighthouseScores(`${starServer.url}${CHAPTER.slice(1)}`);
  await starServer.close();

  log(`## This site vs stock Starlight, chapter ${CHAPTER}\n`);
  log('| measure                            |  this site |  Starlight |  ratio | ours better |');
  log('|------------------------------------|-----------:|-----------:|-------:|-------------|');
  log(row('build time incl. search index', median(oursBuild), median(starBuild), (n) => `${n.toFixed(2)} s`));
  log(row('first visit of a chapter (gzip)', ours.total, star.total, kb));
  log(row('JavaScript on first visit (gzip)', ours.js, star.js, kb));
  log(row('search index (raw bytes)', indexBytes('dist'), indexBytes(join(STARLIGHT_DIR, 'dist')), kb));
  for (const c of CATEGORIES) log(row(`Lighthouse ${c}`, oursLh[c] ?? 0, starLh[c] ?? 0, (n) => String(n), false));
  log();

  const browser = await launchChromium();
  try {
    await printSearchBench(browser, oursServer.url, 'dist', log);
  } finally {
    await browser.close();
    cleanup();
    await oursServer.close();
  }
  log();
  for (const l of figureBenchLines()) log(l);
}

await main();
