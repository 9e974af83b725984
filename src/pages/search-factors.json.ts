/**
 * /search-factors.json: what the search page needs to recognise a factor in a query: its id, name,
 * expansion and the keys of its other names and aliases (and search-only aliases), from
 * content/factors.yaml; the keys of the name and expansion are made again on the page
 * (lib/search/search-terms.ts shipFactor, unshipFactor). Loaded with the first query. A card's one-line summary is not here: it
 * comes from /search-factor-<id>.json (with the chapter sections that name the factor), only for the
 * factors a query names.
 */
import type { APIRoute } from 'astro';
import { siteFactors } from '../lib/site/site-data.ts';
import { searchNames } from '../lib/atlas/factors.ts';
import { searchFactor, shipFactor } from '../lib/search/search-terms.ts';

export const GET: APIRoute = () => {
  const data = siteFactors().map((f) => shipFactor(searchFactor({ id: f.id, name: f.name, expansion: f.expansion, summary: '', names: searchNames(f) })));
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
