/**
 * The search benchmark as a gate: every query of tests/search/queries.json, typed the way a student
 * or teacher would, through the real search page in Chromium. The right chapter or factor page must
 * be in the top three for at least 95% of them, and first for at least 80%.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { hitRates, searchOnPage, type QueryOutcome, type SearchQuery } from '../helpers/search-runner.ts';

const queries = JSON.parse(readFileSync('tests/search/queries.json', 'utf8')) as SearchQuery[];
const site = inject('siteUrl');
let browser: Browser;
let page: Page;
const outcomes: QueryOutcome[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  for (const q of queries) outcomes.push(await searchOnPage(page, site, q));
}, 300_000);
afterAll(async () => browser?.close());

const misses = (max: number) =>
  outcomes
    .filter((o) => o.rank === null || o.rank > max)
    .map((o) => `"${o.query}" -> ${o.ranked.slice(0, 3).join(', ') || '(nothing)'}`)
    .join('\n');

describe('search finds what readers type', () => {
  it('the query set has at least 40 realistic queries, each with where a reader expects to land', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const q of queries) expect(q.expect.length, q.query).toBeGreaterThan(0);
  });

  it('the right chapter or factor page is among the top three results for at least 95% of queries', () => {
    expect(hitRates(outcomes).at3, misses(3)).toBeGreaterThanOrEqual(0.95);
  });

  it('the right chapter or factor page is the first result for at least 80% of queries', () => {
    expect(hitRates(outcomes).at1, misses(1)).toBeGreaterThanOrEqual(0.8);
  });

  it('IL-1 is found as IL-1, not swamped by IL-11 or IL-17', () => {
    const il1 = outcomes.find((o) => o.query === 'IL-1');
    expect(il1?.ranked[0]).toBe('/factors/il-1/');
  });
});
