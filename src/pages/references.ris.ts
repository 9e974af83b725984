import type { APIRoute } from 'astro';
import { toRis } from '../lib/bibliography/exports.ts';
import { siteBibliography } from '../lib/site/site-data.ts';

export const GET: APIRoute = () =>
  new Response(toRis(siteBibliography()), { headers: { 'content-type': 'application/x-research-info-systems; charset=utf-8' } });
