/**
 * security-headers: writes dist/_headers (read by Netlify and Cloudflare Pages) from the one
 * policy in src/lib/security.ts.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/site/security.ts';

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile(base));
      },
    },
  };
}
