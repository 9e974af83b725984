/**
 * Checks that content/bibliography.bib agrees with the shared sources, as CI does in a step of its
 * own (the tests never read ../shared, so a fresh clone passes `npm test` without it):
 *
 *   npm run bib:check            (or: npx node scripts/check-bibliography.mts path/to/shared/sources [bibliography.bib])
 *
 * It fails, loudly, when the shared sources are missing, and when `npm run bib:sync` would change
 * anything (every shared field, and pmid/pmcid from the shared CSL-JSON, must be in the project's file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syncBibliography } from '../src/lib/bibliography/bibliography-sync.ts';

const sources = resolve(process.argv[2] ?? '../shared/sources');
const target = process.argv[3] ?? 'content/bibliography.bib';
const missing = ['bibliography.bib', 'bibliography.json'].map((f) => join(sources, f)).filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`bib:check FAILED: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing, so the bibliography cannot be compared with the shared sources.`);
  console.error('Place shared/ beside the clone (CI has it at ../shared), or pass the folder: npx node scripts/check-bibliography.mts path/to/shared/sources');
  process.exit(1);
}
const project = readFileSync(target, 'utf8');
const { text, changes } = syncBibliography(
  readFileSync(join(sources, 'bibliography.bib'), 'utf8'),
  JSON.parse(readFileSync(join(sources, 'bibliography.json'), 'utf8')),
  project,
);
if (changes.length || text !== project) {
  console.error(`bib:check FAILED: ${target} disagrees with ${sources}:`);
  console.error(changes.length ? changes.map((c) => `  ${c}`).join('\n') : '  the same fields, laid out differently (header, order or spacing)');
  console.error('Run "npm run bib:sync" to bring the shared fields in (it keeps the sitenote fields), review the diff and commit it.');
  process.exit(1);
}
console.log(`bib:check: ${target} agrees with ${sources} (every shared field, pmid and pmcid).`);
