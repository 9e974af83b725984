/**
 * /search-factors.json: what the search page needs to recognise a factor in a query: names,
 * aliases (and search-only aliases, if the atlas has them) and a one-line summary per factor, from
 * content/factors.yaml. Loaded on the first query, not when the page opens.
 */
import type { APIRoute } from 'astro';
import { siteFactors } from '../lib/site/site-data.ts';
import { searchNames } from '../lib/atlas/factors.ts';
import { oneLine, searchFactor } from '../lib/search/search-terms.ts';

export const GET: APIRoute = () => {
  const data = siteFactors().map((f) =>
    searchFactor({ id: f.id, name: f.name, expansion: f.expansion, summary: oneLine(f.summary), names: searchNames(f) }),
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
