/**
 * /search-reference-names.json: what the search page needs to answer an author-and-year look-up
 * ("Mundy 2002") before its full-text engine has loaded (lib/search/early-references.ts): each
 * identified reference's authors' family names and year, and what its result shows (title, number,
 * identification, citing sections), from the same records as the references' index. The search
 * page loads it only for a query that is names and a year.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteBibliography } from '../lib/site/site-data.ts';
import { earlyReferenceOf, referenceRecords } from '../lib/search/reference-records.ts';
import { withBase } from '../lib/links/urls.ts';

export const GET: APIRoute = async () => {
  const chapters = (await getCollection('chapters')).map((c) => ({ id: c.id, shortTitle: c.data.shortTitle, order: c.data.order, body: c.body ?? '' })).sort((a, b) => a.order - b.order);
  const records = referenceRecords(siteBibliography(), chapters, (path) => withBase(import.meta.env.BASE_URL, path));
  const early = records.map(({ entry, record }) => earlyReferenceOf(entry, record)).filter((r) => r.a.length && r.y);
  return new Response(JSON.stringify(early), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
