import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
const dir = '/tmp/weight-scale/chapters';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const file of readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'))) {
  const source = readFileSync(join('content/chapters', file), 'utf8');
  const slug = file.replace(/\.mdx$/, '');
  writeFileSync(join(dir, file), source);
  const order = (parse(/^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '') as { order: number }).order;
  for (let k = 1; k < 10; k++) writeFileSync(join(dir, `${slug}-copy-${k}.mdx`), source.replace(/^order:\s*\d+/m, `order: ${order + 100 * k}`));
}
