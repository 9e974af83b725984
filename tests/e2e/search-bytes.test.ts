/**
 * Byte budgets of a first search query, measured in Chromium the way `npm run bench` measures them
 * (bench/search.mts, firstQueryBytes): a fresh page with an empty cache, then every response from
 * the query going into the box until its results show. Bytes, never time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { firstQueryBytes, OURS } from '../../bench/search.mts';

/** A first query for a factor name: the engine (about 75 KB of Pagefind's script and WebAssembly), the chapter index, the pages found, the factor data. */
const FACTOR_NAME_BUDGET = 112 * 1024;
/** A first reference look-up adds the references' index, merged into the same engine, and the vocabulary. */
const REFERENCE_BUDGET = 140 * 1024;

let browser: Browser;
const site = inject('siteUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('what a first search query fetches', () => {
  it.each(['PTHrP', 'IL-7'])('a first query for the factor name %s stays within its byte budget, and loads neither the vocabulary nor the references', async (query) => {
    const first = await firstQueryBytes(browser, site, OURS, query);
    expect(first.bytes, first.urls.join('\n')).toBeLessThanOrEqual(FACTOR_NAME_BUDGET);
    expect(first.urls.filter((u) => /search-vocabulary|pagefind-references/.test(u))).toEqual([]);
  });

  it('a first reference look-up merges the references into the one engine: Pagefind’s script and WebAssembly come once, within the budget', async () => {
    const first = await firstQueryBytes(browser, site, OURS, 'Mundy 2002');
    expect(first.bytes, first.urls.join('\n')).toBeLessThanOrEqual(REFERENCE_BUDGET);
    expect(first.urls.some((u) => u.startsWith('/pagefind-references/index/'))).toBe(true);
    expect(first.urls.filter((u) => /pagefind\.js$|\.pagefind$|pagefind-worker\.js$/.test(u)).sort()).toEqual(['/pagefind/pagefind-worker.js', '/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
  });

  it('a first query fetches no file twice', async () => {
    const first = await firstQueryBytes(browser, site, OURS, 'Mundy 2002');
    const files = first.urls.filter((u) => !/pagefind-entry\.json$/.test(u));
    expect(files.filter((u, i) => files.indexOf(u) !== i)).toEqual([]);
  });
});
