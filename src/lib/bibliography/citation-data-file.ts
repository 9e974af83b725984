/**
 * The bibliography as rehype-citation reads it, converted once: rehype-citation parses the file it is
 * given for every chapter it renders, and BibTeX is slow to parse. So the build converts
 * content/bibliography.bib to CSL-JSON once, with rehype-citation's own copy of citation-js (the same
 * conversion it makes of the BibTeX), and gives it that file. The file is named by a hash of the
 * BibTeX and of this module's code, in the build cache's folder (the system's temporary folder when
 * the cache is turned off), so an edited bibliography or a new conversion is a new file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheKey, codeHash } from '../site/build-cache.ts';

/**
 * rehype-citation's own copy of citation-js, `dist/node/cite.mjs` beside its Node entry. The package
 * exports that folder with a trailing-slash mapping ("./node/"), which Vite resolves and Node does not;
 * resolving the file from the entry lets Node load astro.config.mjs by itself, without Vite's slower
 * fallback loader.
 */
const citeFile = join(dirname(createRequire(import.meta.url).resolve('rehype-citation')), 'cite.mjs');
const { default: Cite } = (await import(pathToFileURL(citeFile).href)) as typeof import('rehype-citation/node/cite.mjs');

/** The CSL-JSON file for the BibTeX file `bibFile` (absolute path); written when missing. */
export function citationDataFile(bibFile: string): string {
  const text = readFileSync(bibFile, 'utf8');
  const root = process.env['BUILD_CACHE_DIR'] ?? 'node_modules/.cache/lung-cancer-bone';
  const dir = root ? resolve(root, 'citation-data') : join(tmpdir(), 'lung-cancer-bone-citation-data');
  const file = join(dir, `${cacheKey(text, codeHash(['src/lib/bibliography/citation-data-file.ts']))}.json`);
  if (!existsSync(file)) {
    const data = new Cite([text], { generateGraph: false }).data;
    if (!data.length) throw new Error(`${bibFile}: rehype-citation's citation-js found no entry in it. Check that it is a BibTeX file.`);
    mkdirSync(dir, { recursive: true });
    const aside = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(aside, JSON.stringify(data));
    renameSync(aside, file);
  }
  return file;
}
