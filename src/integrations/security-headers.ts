/**
 * security-headers: writes dist/_headers (read by Netlify and Cloudflare Pages) from the one
 * policy in src/lib/site/security.ts, followed by the editors' own rules from public/_headers
 * (HEADERS overrides the path), which Astro would otherwise copy and this file silently replace.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/site/security.ts';
import { mergeHeadersFiles } from '../lib/site/headers-merge.ts';
import { readSiteEnv } from '../lib/site/site-config.ts';

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const { HEADERS } = readSiteEnv(process.env);
        const editor = existsSync(resolve(HEADERS)) ? readFileSync(resolve(HEADERS), 'utf8') : undefined;
        writeFileSync(join(fileURLToPath(dir), '_headers'), mergeHeadersFiles(headersFile(base), editor, HEADERS));
      },
    },
  };
}
