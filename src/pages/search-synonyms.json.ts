/**
 * /search-synonyms.json: the synonym table of content/search-synonyms.yaml, checked, for the search
 * page to widen queries with. Loaded on the first query, not when the page opens.
 */
import type { APIRoute } from 'astro';
import { siteSynonyms } from '../lib/search/synonyms-file.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(siteSynonyms()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
