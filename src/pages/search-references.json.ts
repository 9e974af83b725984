/**
 * /search-references.json: the references as search records (authors, title, journal, year, number
 * in the review, identification status, citing sections). The pagefind-index integration reads it
 * after the build and turns it into the references' own index, /pagefind-references/.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteBibliography } from '../lib/site/site-data.ts';
import { citedInLinks } from '../lib/bibliography/citation-sites.ts';
import { referenceRecord } from '../lib/search/reference-records.ts';
import { withBase } from '../lib/links/urls.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const bib = siteBibliography();
  const chapters = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
  const citedIn = citedInLinks(chapters.map((c) => ({ id: c.id, shortTitle: c.data.shortTitle, body: c.body ?? '' })), (path) => withBase(base, path));
  const referencesUrl = withBase(base, '/references/');
  const records = bib.byReviewNumber.map((e) => referenceRecord(e, referencesUrl, citedIn.get(e.key) ?? []));
  return new Response(JSON.stringify(records), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
