/**
 * npm run bench: prints numbers, asserts nothing.
 *
 * 1. This site against stock Starlight (bench/starlight: pinned version, default settings plus
 *    rehype-citation) building the same chapters and bibliography:
 *    - build time including the search index, cold (no dist/, no Astro cache, no build cache) and
 *      warm (the caches of the build before), and the pages each side builds;
 *    - the heaviest chapter's first visit (HTML, CSS, JS that runs on load, icons and fonts, gzip;
 *      src/lib/site/page-weight.ts) and the most JavaScript any chapter runs on load, over every chapter
 *      of each side;
 *    - search-index bytes and Lighthouse scores of one chapter (lighthouse 12.2.3, Debian's Chromium,
 *      mobile preset).
 *    Medians of BENCH_RUNS runs (default 5).
 * 2. Growth: this site with ten times the chapters (copies of each under new addresses), cold and warm,
 *    against the site as it is, and its heaviest chapter then (left out with BENCH_GROWTH=0, as in CI).
 * 3. Our search against stock Pagefind on the same pages, over tests/search/queries.json.
 * 4. Figures: width, edges, crossings, overlaps and smallest label of each (bench/figures.mts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { parse } from 'yaml';
import { pageWeight, type PageWeight } from '../src/lib/site/page-weight.ts';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { CHROMIUM_PATH, launchChromium } from '../tests/helpers/browser.ts';
import { prepareStarlight, STARLIGHT_DIR } from './prepare-starlight.mts';
import { median, printSearchBench, writeStockHarness } from './search.mts';
import { figureBenchLines } from './figures.mts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
/** BENCH_GROWTH=0 leaves out the growth run (two builds of ten times the chapters); CI does, to stay within its time. */
const GROWTH = process.env['BENCH_GROWTH'] !== '0';
/** The chapter Lighthouse and the search bench load. */
const CHAPTER = '/osteoclast-factors/';
const CHAPTERS = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).map((f) => `/${f.replace(/\.mdx$/, '')}/`);
const SCALE = 10;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const log = (s = '') => process.stdout.write(`${s}\n`);
/** Scratch space of the bench, emptied at each run. */
const WORK = join(tmpdir(), `bench-${process.pid}`);

interface Side {
  name: string;
  cwd: string;
  /** Output folder (relative to cwd, or absolute). */
  outDir: string;
  /** Caches a cold build starts without (relative to cwd, or absolute). */
  caches: string[];
  env: Record<string, string>;
}

interface BuildResult {
  /** Wall-clock time. */
  seconds: number;
  /** CPU time (user and system) of the build and its children: less swayed by other work on a shared machine. */
  cpu: number;
  pages: number;
}

/** GNU time, when there is one, for the CPU time of a build. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function build(side: Side): BuildResult {
  const t = performance.now();
  const astro = ['npx', 'astro', 'build', '--outDir', side.outDir];
  const [cmd, ...args] = TIME ? [TIME, '-f', 'cpu %U %S', ...astro] : astro;
  const r = spawnSync(cmd as string, args, { cwd: side.cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...side.env } });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`astro build in ${side.cwd} failed:\n${r.stdout}\n${r.stderr}`.slice(-4000));
  const pages = Number(/(\d+) page\(s\) built/.exec(r.stdout)?.[1] ?? NaN);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { seconds, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, pages };
}

const clear = (side: Side) => {
  for (const dir of [side.outDir, ...side.caches]) rmSync(resolve(side.cwd, dir), { recursive: true, force: true });
};

/** RUNS cold builds (each from nothing), then RUNS warm ones (after the last cold one). */
function timedBuilds(side: Side): { cold: number; warm: number; coldCpu: number; warmCpu: number; pages: number } {
  const cold: BuildResult[] = [];
  for (let i = 0; i < RUNS; i++) {
    clear(side);
    cold.push(build(side));
  }
  const warm: BuildResult[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(build(side));
  return {
    cold: median(cold.map((b) => b.seconds)),
    warm: median(warm.map((b) => b.seconds)),
    coldCpu: median(cold.map((b) => b.cpu)),
    warmCpu: median(warm.map((b) => b.cpu)),
    pages: warm[0]?.pages ?? NaN,
  };
}

/** The heaviest first visit and the most JavaScript over the given chapters of a built site. */
function heaviest(dist: string, paths: string[]): { page: string; weight: PageWeight; js: number; jsPage: string } {
  const all = paths.map((p) => ({ page: p, weight: pageWeight(dist, p) }));
  const top = all.reduce((a, b) => (b.weight.total > a.weight.total ? b : a));
  const js = all.reduce((a, b) => (b.weight.js > a.weight.js ? b : a));
  return { ...top, js: js.weight.js, jsPage: js.page };
}

/**
 * Ten times the chapters: each chapter once as it is and nine times under a new address (slug
 * "<slug>-copy-<k>", its order moved on by 100 × k), in a folder the build reads as CHAPTERS_DIR.
 */
function scaledChapters(dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(join('content/chapters', file), 'utf8');
    const slug = file.replace(/\.mdx$/, '');
    writeFileSync(join(dir, file), source);
    paths.push(`/${slug}/`);
    const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
    const order = (parse(m?.[1] ?? '') as { order: number }).order;
    for (let k = 1; k < SCALE; k++) {
      writeFileSync(join(dir, `${slug}-copy-${k}.mdx`), source.replace(/^order:\s*\d+/m, `order: ${order + 100 * k}`));
      paths.push(`/${slug}-copy-${k}/`);
    }
  }
  return paths;
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
  return `| ${label.padEnd(44)} | ${format(ours).padStart(10)} | ${format(theirs).padStart(10)} | ${ratio.toFixed(2).padStart(6)} | ${better ? 'yes' : 'NO'} |`;
}

const TABLE_HEAD = [
  '| measure                                      |  this site |  Starlight |  ratio | ours better |',
  '|----------------------------------------------|-----------:|-----------:|-------:|-------------|',
];

async function main(): Promise<void> {
  log(`# Benchmark (${RUNS} runs each, medians)\n`);
  if (!existsSync(join(STARLIGHT_DIR, 'node_modules/@astrojs/starlight'))) {
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: STARLIGHT_DIR, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm ci in ${STARLIGHT_DIR} failed:\n${r.stderr}`.slice(-4000));
  }
  prepareStarlight();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });

  // Our caches live in WORK, so that a cold build starts from nothing without touching the ones of `npm start`.
  const ourCaches = { BUILD_CACHE_DIR: join(WORK, 'build-cache'), ASTRO_CACHE_DIR: join(WORK, 'astro-cache') };
  const ours: Side = { name: 'this site', cwd: '.', outDir: 'dist', caches: Object.values(ourCaches), env: ourCaches };
  const star: Side = { name: 'Starlight', cwd: STARLIGHT_DIR, outDir: 'dist', caches: ['node_modules/.astro', '.astro'], env: {} };

  const oursTimes = timedBuilds(ours);
  const starTimes = timedBuilds(star);
  const oursW = heaviest('dist', CHAPTERS);
  const starW = heaviest(join(STARLIGHT_DIR, 'dist'), CHAPTERS);

  const cleanup = writeStockHarness('dist');
  const oursServer = await startStaticServer('dist', '/');
  const starServer = await startStaticServer(join(STARLIGHT_DIR, 'dist'), '/');
  const oursLh = await lighthouseScores(`${oursServer.url}${CHAPTER.slice(1)}`);
  const starLh = await lighthouseScores(`${starServer.url}${CHAPTER.slice(1)}`);
  await starServer.close();

  log(`## This site vs stock Starlight, the same ${CHAPTERS.length} chapters\n`);
  for (const l of TABLE_HEAD) log(l);
  log(row('cold build incl. search index (no caches)', oursTimes.cold, starTimes.cold, (n) => `${n.toFixed(2)} s`));
  log(row('warm build incl. search index', oursTimes.warm, starTimes.warm, (n) => `${n.toFixed(2)} s`));
  log(row('  cold build, CPU time', oursTimes.coldCpu, starTimes.coldCpu, (n) => `${n.toFixed(2)} s`));
  log(row('  warm build, CPU time', oursTimes.warmCpu, starTimes.warmCpu, (n) => `${n.toFixed(2)} s`));
  log(row('pages built', oursTimes.pages, starTimes.pages, String));
  log(row(`heaviest chapter first visit (gzip)`, oursW.weight.total, starW.weight.total, kb));
  log(row('  of which HTML', oursW.weight.html, starW.weight.html, kb));
  log(row('  of which CSS', oursW.weight.css, starW.weight.css, kb));
  log(row('most JavaScript a chapter runs on load (gzip)', oursW.js, starW.js, kb));
  log(row('search index (raw bytes)', indexBytes('dist'), indexBytes(join(STARLIGHT_DIR, 'dist')), kb));
  for (const c of CATEGORIES) log(row(`Lighthouse ${c} (${CHAPTER})`, oursLh[c] ?? 0, starLh[c] ?? 0, (n) => String(n), false));
  log(`\nHeaviest chapter: ours ${oursW.page}, Starlight ${starW.page}; most JavaScript: ours ${oursW.jsPage}, Starlight ${starW.jsPage}.`);
  log(`Our first visit there: ${oursW.weight.files.join(', ')}.`);
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

  // Growth: ten times the chapters, in a dist of its own.
  if (!GROWTH) {
    log(`## Growth: left out (BENCH_GROWTH=0); \`npm run bench\` runs it: ${SCALE}× the chapters, cold and warm\n`);
    rmSync(WORK, { recursive: true, force: true });
    for (const l of figureBenchLines()) log(l);
    return;
  }
  const chaptersDir = join(WORK, 'chapters');
  const scaledPaths = scaledChapters(chaptersDir);
  const scaledCaches = { BUILD_CACHE_DIR: join(WORK, 'build-cache-scale'), ASTRO_CACHE_DIR: join(WORK, 'astro-cache-scale') };
  const scaled: Side = { name: `this site, ${SCALE}× chapters`, cwd: '.', outDir: join(WORK, 'dist-scale'), caches: Object.values(scaledCaches), env: { CHAPTERS_DIR: chaptersDir, ...scaledCaches } };
  const scaledTimes = timedBuilds(scaled);
  // The same chapters as in the site as it is (the copies' longer addresses would weigh a few bytes more).
  const scaledW = heaviest(scaled.outDir, CHAPTERS);
  const scaledAll = heaviest(scaled.outDir, scaledPaths);
  log(`## Growth: ${SCALE}× the chapters (${scaledPaths.length} chapters)\n`);
  log('| measure                                      |  this site | 10× chapters |  ratio | within target |');
  log('|----------------------------------------------|-----------:|-------------:|-------:|---------------|');
  const growth = (label: string, a: number, b: number, format: (n: number) => string, limit: number) =>
    log(`| ${label.padEnd(44)} | ${format(a).padStart(10)} | ${format(b).padStart(12)} | ${(b / a).toFixed(2).padStart(6)} | ${b / a <= limit ? 'yes' : 'NO'} (≤ ${limit}×) |`);
  growth('cold build', oursTimes.cold, scaledTimes.cold, (n) => `${n.toFixed(2)} s`, 2);
  growth('warm build', oursTimes.warm, scaledTimes.warm, (n) => `${n.toFixed(2)} s`, 2);
  growth('cold build, CPU time', oursTimes.coldCpu, scaledTimes.coldCpu, (n) => `${n.toFixed(2)} s`, 2);
  growth('warm build, CPU time', oursTimes.warmCpu, scaledTimes.warmCpu, (n) => `${n.toFixed(2)} s`, 2);
  log(`| ${'pages built'.padEnd(44)} | ${String(oursTimes.pages).padStart(10)} | ${String(scaledTimes.pages).padStart(12)} | ${(scaledTimes.pages / oursTimes.pages).toFixed(2).padStart(6)} | – |`);
  growth('heaviest of the same chapters, first visit', oursW.weight.total, scaledW.weight.total, kb, 1);
  log(`\nHeaviest of all ${scaledPaths.length} chapters there: ${scaledAll.page}, ${kb(scaledAll.weight.total)} (a copy's address is longer than its original's).`);
  log();
  rmSync(WORK, { recursive: true, force: true });
  for (const l of figureBenchLines()) log(l);
}

await main();
