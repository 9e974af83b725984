/**
 * Byte budgets of a first search query, measured in Chromium the way `npm run bench` measures them
 * (bench/search.mts, firstQueryBytes): a fresh page with an empty cache, then every response from
 * the query going into the box until its first results show (a factor name's early results: its
 * card and the sections naming it), and until its complete results show. Bytes, never time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { firstQueryBytes, OURS } from '../../bench/search.mts';

/**
 * A first query for a factor name, to its first results: the factor names, and the factor's card
 * and the chapter sections naming it (/search-factor-<id>.json), shown before the engine loads.
 */
const FACTOR_NAME_FIRST_BUDGET = 60 * 1024;
/** The same query to its complete results: the engine (about 75 KB of Pagefind's script and WebAssembly), the chapter index, the pages found, the factor data. */
const FACTOR_NAME_BUDGET = 112 * 1024;
/**
 * An author-and-year look-up, to its first results: the factor names and the references' names and
 * years (/search-reference-names.json), shown before the engine loads. Stock Pagefind needs about
 * 100 KB before it shows anything for it.
 */
const REFERENCE_FIRST_BUDGET = 16 * 1024;
/** A first reference look-up adds the references' index, merged into the same engine. */
const REFERENCE_BUDGET = 140 * 1024;

let browser: Browser;
const site = inject('siteUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe('what a first search query fetches', () => {
  it.each(['PTHrP', 'IL-7'])('a first query for the factor name %s shows its first results within 60 KB, before any file of the engine loads', async (query) => {
    const first = await firstQueryBytes(browser, site, OURS, query);
    expect(first.bytes, first.urls.join('\n')).toBeLessThanOrEqual(FACTOR_NAME_FIRST_BUDGET);
    expect(first.urls.filter((u) => u.includes('pagefind'))).toEqual([]);
    expect(first.urls).toContain(`/search-factor-${query.toLowerCase()}.json`);
  });

  it.each(['PTHrP', 'IL-7'])('a first query for the factor name %s reaches its complete results within its byte budget, and loads neither the vocabulary nor the references', async (query) => {
    const first = await firstQueryBytes(browser, site, OURS, query);
    expect(first.completeBytes, first.completeUrls.join('\n')).toBeLessThanOrEqual(FACTOR_NAME_BUDGET);
    expect(first.completeUrls.filter((u) => /search-vocabulary|pagefind-references/.test(u))).toEqual([]);
    expect(first.completeUrls.filter((u) => /pagefind\.js$|\.pagefind$/.test(u)).sort()).toEqual(['/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
  });

  it.each(['Mundy 2002', 'Stopeck et al. 2010'])('a first author-and-year look-up (%s) shows its first results within 16 KB, before any file of the engine loads', async (query) => {
    const first = await firstQueryBytes(browser, site, OURS, query);
    expect(first.bytes, first.urls.join('\n')).toBeLessThanOrEqual(REFERENCE_FIRST_BUDGET);
    expect(first.urls.filter((u) => u.includes('pagefind'))).toEqual([]);
    expect(first.urls).toContain('/search-reference-names.json');
    // Its words are known reference words from then on: the full search fetches no typo vocabulary.
    expect(first.completeUrls.filter((u) => u.includes('search-vocabulary'))).toEqual([]);
  });

  it('a first reference look-up merges the references into the one engine: Pagefind’s script and WebAssembly come once, within the budget', async () => {
    const first = await firstQueryBytes(browser, site, OURS, 'Mundy 2002');
    expect(first.completeBytes, first.completeUrls.join('\n')).toBeLessThanOrEqual(REFERENCE_BUDGET);
    expect(first.completeUrls.some((u) => u.startsWith('/pagefind-references/index/'))).toBe(true);
    expect(first.completeUrls.filter((u) => /pagefind\.js$|\.pagefind$|pagefind-worker\.js$/.test(u)).sort()).toEqual(['/pagefind/pagefind-worker.js', '/pagefind/pagefind.js', '/pagefind/wasm.en.pagefind']);
  });

  it.each(['Mundy 2002', 'IL-7'])('a first query (%s) fetches no file twice, the early results’ files included', async (query) => {
    const first = await firstQueryBytes(browser, site, OURS, query);
    const files = first.completeUrls.filter((u) => !/pagefind-entry\.json$/.test(u));
    expect(files.filter((u, i) => files.indexOf(u) !== i)).toEqual([]);
  });
});
