/**
 * /search-summary-<id>.json: the one-line summary a factor's search card shows, from
 * content/factors.yaml. The search page loads it only for the factors a query names.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFactors } from '../lib/site/site-data.ts';
import { oneLine } from '../lib/search/search-terms.ts';

export const getStaticPaths = (() => siteFactors().map((f) => ({ params: { id: f.id }, props: { summary: oneLine(f.summary) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify({ summary: (props as { summary: string }).summary }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
