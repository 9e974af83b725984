import type { APIRoute } from 'astro';
import { toCslJson } from '../lib/bibliography/exports.ts';
import { siteBibliography } from '../lib/site/site-data.ts';

export const GET: APIRoute = () =>
  new Response(toCslJson(siteBibliography()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
