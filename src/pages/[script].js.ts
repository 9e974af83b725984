/**
 * /<name>.js: each bundled and minified by esbuild from src/scripts/<name>.ts with what it imports
 * (src/scripts/lazy-script.ts lists them).
 * Run on load, one file per kind of page:
 * - page-site: every page (BaseLayout); page-chapter: a chapter (ChapterLayout), the site's scripts included.
 * Loaded on first use:
 * - citation-previews: a citation's preview, when a reader first points at, focuses or taps one;
 * - section-tools: a section's teaching tools, when a reader opens its menu (section-link.ts);
 * - figure-steps: a figure's step-through, on its first press (figure-steps-loader.ts);
 * - passage-link: "Copy link to this passage", on the first selection of text (passage-link-loader.ts);
 * - evidence-filter: the evidence filter, on its first use or when the address asks for a filtered view
 *   (evidence-filter-loader.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { LAZY_SCRIPTS, PAGE_SCRIPTS } from '../scripts/lazy-script.ts';

export const getStaticPaths = (() => [...PAGE_SCRIPTS, ...LAZY_SCRIPTS].map((script) => ({ params: { script } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entry = `src/scripts/${params['script']}.ts`;
  const out = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error(`src/pages/[script].js.ts: esbuild produced no output for ${entry}.`);
  return new Response(text, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
