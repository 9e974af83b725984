/** /qr/<chapter>.svg: a QR code of the chapter's absolute address, for slides and handouts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { qrSvg, teachingUrl } from '../../lib/teaching/qr.ts';

export const getStaticPaths: GetStaticPaths = async () => (await getCollection('chapters')).map((c) => ({ params: { chapter: c.id } }));

export const GET: APIRoute = ({ params, site }) =>
  new Response(qrSvg(teachingUrl(String(site), import.meta.env.BASE_URL, String(params['chapter']))), {
    headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
  });
