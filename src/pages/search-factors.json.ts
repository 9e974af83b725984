/**
 * /search-factors.json: what the search page needs to recognise a factor in a query: names,
 * aliases and a one-line summary per factor, from content/factors.yaml.
 */
import type { APIRoute } from 'astro';
import { siteFactors } from '../lib/site-data.ts';
import type { SearchFactor } from '../lib/search-terms.ts';

const firstSentence = (s: string) => /^.*?[.!?](?=\s|$)/.exec(s)?.[0] ?? s;

export const GET: APIRoute = () => {
  const data: SearchFactor[] = siteFactors().map((f) => ({
    id: f.id,
    name: f.name,
    ...(f.expansion ? { expansion: f.expansion } : {}),
    summary: firstSentence(f.summary),
    names: [...new Set([f.name, ...(f.expansion ? [f.expansion] : []), ...f.aliases])],
  }));
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
