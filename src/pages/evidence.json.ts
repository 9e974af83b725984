/**
 * /evidence.json: the published vocabulary of evidence. Each kind of evidence with its label and its
 * rank on the ladder (1 = patients, down to the review's own inference), each cancer with its label,
 * and which values the reader's filters keep. Every relation on the site (its `data-evidence` and
 * `data-cancer` attributes) uses these values; /about/#evidence explains them.
 */
import type { APIRoute } from 'astro';
import { evidenceVocabulary } from '../lib/atlas/evidence.ts';

export const GET: APIRoute = () => new Response(`${JSON.stringify(evidenceVocabulary(), null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
