import type { APIRoute } from 'astro';
import { toBibtex } from '../lib/bibliography/exports.ts';
import { siteBibliography } from '../lib/site/site-data.ts';

export const GET: APIRoute = () =>
  new Response(toBibtex(siteBibliography()), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
