/**
 * npm run anchors:publish: adds the anchors of the current build (dist/anchors.json) to the published
 * set (content/anchors.published.json). It never drops one: an anchor, once published, stays in the
 * contract, and removing it needs a redirect in content/redirects.yaml.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { AnchorsManifest } from '../src/lib/links/redirects.ts';

const FILE = 'content/anchors.published.json';
const published = (existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {}) as AnchorsManifest;
const current = JSON.parse(readFileSync('dist/anchors.json', 'utf8')) as AnchorsManifest;
let added = 0;
for (const [page, anchors] of Object.entries(current)) {
  const kept = (published[page] ??= {});
  for (const [id, label] of Object.entries(anchors)) {
    if (!(id in kept)) added += 1;
    kept[id] ??= label;
  }
}
const sorted = Object.fromEntries(Object.keys(published).sort().map((p) => [p, published[p]]));
writeFileSync(FILE, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${added} anchor(s) added to ${FILE}`);
