/**
 * The site's data as pages read it (src/lib/site/site-data.ts): read once per version of its files,
 * and read again after an edit (as in `astro dev`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { siteBibliography, siteFactors } from '../../src/lib/site/site-data.ts';

const saved = { FACTORS: process.env['FACTORS'], BIBLIOGRAPHY: process.env['BIBLIOGRAPHY'] };
const dirs: string[] = [];
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyOf(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-data-'));
  dirs.push(dir);
  const copy = join(dir, file.split('/').pop() as string);
  copyFileSync(file, copy);
  return copy;
}

describe('the data every page reads', () => {
  it('gives every page of a build the same atlas, read once, until factors.yaml changes', () => {
    process.env['FACTORS'] = copyOf('content/factors.yaml');
    const first = siteFactors();
    expect(siteFactors()).toBe(first);
    appendFileSync(process.env['FACTORS'], '\n# an edit\n');
    const edited = siteFactors();
    expect(edited).not.toBe(first);
    expect(edited.map((f) => f.id)).toEqual(first.map((f) => f.id));
  });

  it('reads the bibliography again once its file changes', () => {
    process.env['BIBLIOGRAPHY'] = copyOf('content/bibliography.bib');
    const first = siteBibliography();
    expect(siteBibliography()).toBe(first);
    appendFileSync(process.env['BIBLIOGRAPHY'], '\n');
    expect(siteBibliography()).not.toBe(first);
  });
});
