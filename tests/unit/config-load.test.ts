/**
 * astro.config.mjs loads with Node's own module loader. Astro tries that first and, when any import
 * fails, falls back to starting a Vite server to load the configuration, which costs every build
 * most of a second. A subpath Node cannot resolve (such as a package's trailing-slash export) is
 * enough to cause that silently, so this test loads the configuration the way Astro first does.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the site configuration', () => {
  it('loads with Node alone, so Astro does not fall back to a Vite server to read it', () => {
    const config = pathToFileURL(resolve('astro.config.mjs')).href;
    const script = `const c = (await import(${JSON.stringify(config)})).default; console.log(JSON.stringify({ integrations: c.integrations.map((i) => i.name) }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const { integrations } = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { integrations: string[] };
    expect(integrations).toEqual(expect.arrayContaining(['@astrojs/mdx', 'pagefind-index']));
  }, 30_000);
});
