/** /qr/<chapter>/<section-id>.svg: a QR code of one h2 section's absolute address. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { chapterSectionIds } from '../../../lib/teaching/sections.ts';
import { qrSvg, teachingUrl } from '../../../lib/teaching/qr.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const paths = [];
  for (const chapter of await getCollection('chapters')) {
    for (const section of chapterSectionIds(chapter.body ?? '')) paths.push({ params: { chapter: chapter.id, section } });
  }
  return paths;
};

export const GET: APIRoute = ({ params, site }) =>
  new Response(qrSvg(teachingUrl(String(site), import.meta.env.BASE_URL, String(params['chapter']), String(params['section']))), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
  });
