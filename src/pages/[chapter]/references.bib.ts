/** /<chapter>/references.bib: the chapter's reading list (the review and what the chapter cites), for a reference manager. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { toBibtex } from '../../lib/bibliography/exports.ts';
import { citationSites } from '../../lib/bibliography/citation-sites.ts';
import { siteBibliography } from '../../lib/site/site-data.ts';
import { chapterBibliography } from '../../lib/teaching/chapter-references.ts';

export const getStaticPaths: GetStaticPaths = async () => (await getCollection('chapters')).map((chapter) => ({ params: { chapter: chapter.id }, props: { chapter } }));

export const GET: APIRoute = ({ props }) => {
  const { chapter } = props as { chapter: CollectionEntry<'chapters'> };
  const keys = citationSites(chapter.body ?? '').map((s) => s.key);
  return new Response(toBibtex(chapterBibliography(siteBibliography(), keys, chapter.id)), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
};
