/**
 * Copies the site's chapters, overview and bibliography into the Starlight fixture, so both sites
 * build the same text and citations. Frontmatter becomes Starlight's (title, description, order).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const STARLIGHT_DIR = 'bench/starlight';

export function prepareStarlight(): void {
  const docs = join(STARLIGHT_DIR, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  copyFileSync('content/bibliography.bib', join(STARLIGHT_DIR, 'bibliography.bib'));
  for (const file of readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(join('content/chapters', file), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
    const data = parse(m?.[1] ?? '') as { title: string; summary: string; order: number };
    const front = `---\ntitle: ${JSON.stringify(data.title)}\ndescription: ${JSON.stringify(data.summary)}\nsidebar:\n  order: ${data.order}\n---\n`;
    writeFileSync(join(docs, file), front + source.slice(m?.[0].length ?? 0));
  }
  const overview = readFileSync('content/overview.mdx', 'utf8');
  writeFileSync(join(docs, 'index.mdx'), `---\ntitle: "Lung cancer in bone"\ndescription: "A reading guide to one review."\n---\n\n${overview}`);
}
