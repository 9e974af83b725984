import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sitePaths, sitemapXml } from '../lib/site/site-pages.ts';
import { siteFactors } from '../lib/site/site-data.ts';
import { siteMeta } from '../lib/site/site-meta.ts';
import { withBase } from '../lib/links/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const chapters = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order).map((c) => c.id);
  const paths = sitePaths(chapters, siteFactors().map((f) => f.id)).filter((p) => p !== '/search/');
  const urls = paths.map((p) => new URL(withBase(import.meta.env.BASE_URL, p), site).href);
  return new Response(sitemapXml(urls, siteMeta().published), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
