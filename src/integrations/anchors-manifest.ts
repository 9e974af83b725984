/**
 * anchors-manifest: writes dist/anchors.json after the build: every page URL with the ids of its
 * sections, figures and reference entries and their headings. The anchor contract test compares it
 * with the committed snapshot of published anchors.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageAnchors } from '../lib/links/anchors-manifest.ts';
import { parseRedirects, type AnchorsManifest } from '../lib/links/redirects.ts';
import { readSiteEnv } from '../lib/site/site-config.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
  );
}

export default function anchorsManifest(): AstroIntegration {
  return {
    name: 'anchors-manifest',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const manifest: AnchorsManifest = {};
        for (const file of htmlFiles(root).sort()) {
          const html = readFileSync(file, 'utf8');
          if (/<meta http-equiv="refresh"/i.test(html)) continue; // redirect pages publish nothing
          const path = `/${relative(root, file).split('\\').join('/').replace(/index\.html$/, '')}`;
          manifest[path] = pageAnchors(html);
        }
        writeFileSync(join(root, 'anchors.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        // Now every page and id is known: a redirect must come from a page that no longer exists and
        // lead to a page and id that do. Throws naming file, line, column and the fix, for every mistake.
        const { REDIRECTS } = readSiteEnv(process.env);
        const anchors = new Map(Object.entries(manifest).map(([page, ids]) => [page, new Set(Object.keys(ids))]));
        parseRedirects(readFileSync(REDIRECTS, 'utf8'), REDIRECTS, { pages: new Set(anchors.keys()), anchors });
        logger.info(`${Object.keys(manifest).length} pages, ${Object.values(manifest).reduce((n, a) => n + Object.keys(a).length, 0)} anchors`);
      },
    },
  };
}
