/**
 * /search-references.json: the references as search records (authors, title, journal, year, number
 * in the review, identification status, citing sections). The pagefind-index integration reads it
 * after the build and turns it into the references' own index, /pagefind-references/.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteBibliography } from '../lib/site/site-data.ts';
import { referenceRecords } from '../lib/search/reference-records.ts';
import { withBase } from '../lib/links/urls.ts';

export const GET: APIRoute = async () => {
  const chapters = (await getCollection('chapters')).map((c) => ({ id: c.id, shortTitle: c.data.shortTitle, order: c.data.order, body: c.body ?? '' })).sort((a, b) => a.order - b.order);
  const records = referenceRecords(siteBibliography(), chapters, (path) => withBase(import.meta.env.BASE_URL, path));
  return new Response(JSON.stringify(records.map((r) => r.record)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
