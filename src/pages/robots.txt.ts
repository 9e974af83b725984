import type { APIRoute } from 'astro';
import { withBase } from '../lib/links/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase(import.meta.env.BASE_URL, '/sitemap.xml'), site).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
