/**
 * /search-factor-<id>.json: what the search page shows for a query naming this factor before its
 * full-text engine has loaded (lib/search/early.ts): the card's one-line summary, and every chapter
 * section whose text names the factor, with the first such passage cut around the name. Derived at
 * build time from content/factors.yaml and the chapters (the atlas's passages, read from the one
 * chapter model), never written by hand. The search page loads it only for the factors a query names.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { siteFactors } from '../lib/site/site-data.ts';
import { oneLine } from '../lib/search/search-terms.ts';
import { factorNameIndex, findMentions } from '../lib/atlas/factor-mentions.ts';
import { excerpt, passagesByFactor } from '../lib/atlas/atlas.ts';
import { earlyFactorData, type FactorEarlyData } from '../lib/search/early.ts';

/** About as long as Pagefind's excerpts, so the full results that replace them take the same room. */
const EXCERPT_WORDS = 26;

export const getStaticPaths = (async () => {
  const factors = siteFactors();
  const chapters = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
  const names = factorNameIndex(factors);
  const passages = passagesByFactor(
    chapters.map((c) => ({ id: c.id, title: c.data.shortTitle, body: c.body ?? '' })),
    names,
  );
  const early = chapters.map((c) => ({ id: c.id, title: c.data.title, shortTitle: c.data.shortTitle }));
  return factors.map((f) => ({
    params: { id: f.id },
    props: {
      data: earlyFactorData(
        oneLine(f.summary),
        passages.get(f.id) ?? [],
        early,
        (p) => excerpt(p.text, p.mentions, EXCERPT_WORDS),
        (heading) => findMentions(heading, names, { overlapping: true }).some((m) => m.factorId === f.id),
      ),
    },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { data: FactorEarlyData }).data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
