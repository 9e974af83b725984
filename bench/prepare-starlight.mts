/**
 * Copies the site's chapters, overview and bibliography into the Starlight fixture, so both sites
 * build the same text and citations. Frontmatter becomes Starlight's (title, description, order).
 * Our figures (`<Figure id=… />` lines, drawn by this site's own component) have no Starlight
 * equivalent and are left out there, so our chapter pages carry more than Starlight's in the comparison.
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
    const body = source.slice(m?.[0].length ?? 0).replace(/^<Figure\b[^\n]*\/>\n/gm, '');
    writeFileSync(join(docs, file), front + body);
  }
  const overview = readFileSync('content/overview.mdx', 'utf8');
  writeFileSync(join(docs, 'index.mdx'), `---\ntitle: "Lung cancer in bone"\ndescription: "A reading guide to one review."\n---\n\n${overview}`);
}
