/**
 * /section-tools.js: the chapter's teaching tools (src/scripts/section-tools.ts and what it
 * imports), bundled and minified by esbuild. A separate file that a chapter loads only when a
 * reader opens a section's menu (see src/scripts/section-link.ts).
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { resolve } from 'node:path';

export const GET: APIRoute = async () => {
  const out = await build({
    entryPoints: [resolve('src/scripts/section-tools.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error('src/pages/section-tools.js.ts: esbuild produced no output for src/scripts/section-tools.ts.');
  return new Response(text, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
};
