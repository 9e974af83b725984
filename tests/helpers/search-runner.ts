/**
 * Runs queries through the real search page in Chromium and reads back what a reader sees once
 * the complete results show (the page's data-state "done", not the early results of a factor
 * name): the ranked list of destinations (factor cards first, then result pages), as site paths.
 */
import type { Page } from 'playwright-core';

export interface SearchQuery {
  query: string;
  expect: string[];
  note?: string;
  /** What kind of query: names and topics, typo, synonym, brand or class, question, reference: ... */
  category?: string;
}

export interface QueryOutcome {
  query: string;
  ranked: string[];
  rank: number | null;
}

/** Site path of a result link, without base, query string or hash. */
export function sitePath(href: string, base: string): string {
  const path = new URL(href, 'http://x').pathname;
  return `/${path.slice(base.length).replace(/^\/+/, '')}`;
}

/**
 * Searches as a reader would on the search page: the first query opens /search/?q=..., later ones
 * are typed into the same page's box and submitted (the engine stays loaded, as for a reader).
 */
export async function searchOnPage(page: Page, siteUrl: string, q: SearchQuery, base = '/'): Promise<QueryOutcome> {
  const onSearchPage = page.url().startsWith(`${siteUrl}search/`) && (await page.locator('#search-q').count()) > 0;
  if (onSearchPage) {
    await page.fill('#search-q', q.query);
    await page.press('#search-q', 'Enter');
  } else {
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(q.query)}`);
  }
  // The complete results, never the early ones a factor name shows before the engine loads.
  await page.waitForFunction(
    (typed) => {
      const s = document.querySelector('.search-status')?.textContent ?? '';
      const search = document.querySelector<HTMLElement>('site-search');
      return search?.dataset['state'] === 'done' && search.dataset['query'] === typed && /found|Nothing|unavailable/.test(s) && s.includes(`“${typed}”`);
    },
    q.query.trim(),
    { timeout: 20_000 },
  );
  const hrefs = (await page.evaluate(
    `[...document.querySelectorAll('.factor-card a, .search-results > li > a.result-title')].filter((a) => !a.closest('[hidden]')).map((a) => a.getAttribute('href'))`,
  )) as string[];
  const ranked: string[] = [];
  for (const h of hrefs) {
    const p = sitePath(h, base);
    if (!ranked.includes(p)) ranked.push(p);
  }
  const index = ranked.findIndex((p) => q.expect.includes(p));
  return { query: q.query, ranked, rank: index < 0 ? null : index + 1 };
}

export function hitRates(outcomes: QueryOutcome[]): { at1: number; at3: number } {
  const n = outcomes.length || 1;
  return {
    at1: outcomes.filter((o) => o.rank === 1).length / n,
    at3: outcomes.filter((o) => o.rank !== null && o.rank <= 3).length / n,
  };
}
