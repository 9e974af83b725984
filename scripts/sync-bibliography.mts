/**
 * Brings content/bibliography.bib up to date with the shared sources, in one command:
 *
 *   npm run bib:sync            (or: npx node scripts/sync-bibliography.mts path/to/shared/sources)
 *
 * The shared BibTeX is the authority; pmid/pmcid come from the shared CSL-JSON; the project's own
 * `sitenote` fields are kept. Prints every field that changed. The build never reads shared/.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syncBibliography } from '../src/lib/bibliography/bibliography-sync.ts';

const sources = resolve(process.argv[2] ?? '../shared/sources');
const target = 'content/bibliography.bib';
for (const f of ['bibliography.bib', 'bibliography.json']) {
  if (!existsSync(join(sources, f))) {
    console.error(`${join(sources, f)} is missing: pass the folder of the shared sources, e.g. npx node scripts/sync-bibliography.mts ../shared/sources`);
    process.exit(1);
  }
}
const { text, changes } = syncBibliography(
  readFileSync(join(sources, 'bibliography.bib'), 'utf8'),
  JSON.parse(readFileSync(join(sources, 'bibliography.json'), 'utf8')),
  existsSync(target) ? readFileSync(target, 'utf8') : undefined,
);
writeFileSync(target, text);
console.log(changes.length ? changes.join('\n') : 'Already up to date.');
console.log(`${target}: ${changes.length} change(s).`);
