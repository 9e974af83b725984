/**
 * A second, independent CSL processor formats the bibliography: pandoc's citeproc, with the same
 * Vancouver style file citation-js uses. Entry by entry, the site's text must read as pandoc's.
 * In particular a truncated author list ("and others") must end in "et al." on both.
 * pandoc is required (CI installs it): without it this test fails, it does not skip.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { authorsTruncated } from '../../src/lib/bibliography/bibliography.ts';
import { formatEntries, vancouverText } from '../../src/lib/bibliography/reference-format.ts';
import { BIBLIOGRAPHY_FILE, projectBibliography } from '../helpers/pipeline.ts';

const bib = projectBibliography();
/** The Vancouver CSL that formats the site's reference lists (citation-js's bundled style). */
const vancouverCsl = (createRequire(import.meta.url)('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>)['vancouver'] ?? '';

/** Each key's entry as pandoc --citeproc formats it, as plain text. */
function pandocEntries(): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'pandoc-citeproc-'));
  try {
    writeFileSync(join(dir, 'vancouver.csl'), vancouverCsl);
    writeFileSync(join(dir, 'all.md'), '---\nnocite: "@*"\n---\n');
    const run = spawnSync('pandoc', ['all.md', '--citeproc', `--bibliography=${join(process.cwd(), BIBLIOGRAPHY_FILE)}`, '--csl=vancouver.csl', '-t', 'html', '--wrap=none'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (run.error || run.status !== 0) {
      throw new Error(`pandoc could not run (${run.error?.message ?? run.stderr}). Install it: apt-get install pandoc (CI's .ci/run does).`);
    }
    const tree = fromHtml(run.stdout, { fragment: true });
    return new Map(
      selectAll('.csl-entry', tree).map((div) => [
        String(div.properties?.['id'] ?? '').replace(/^ref-/, ''),
        // Without its list number ("15. "), which the site writes as the list item's number.
        toString(div).replace(/^\s*\d+\.\s*/, ''),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Differences of typography only: spacing, the apostrophe, a hyphen or en dash between digits
 * ("355(1-2)"), and the bare "2013;" the site ends with ".".
 */
const normalise = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/(\d)[-–](\d)/g, '$1–$2')
    .replace(/;\s*$/, '.')
    .trim();

describe('the site’s references against pandoc citeproc', () => {
  formatEntries(bib.entries.values());
  const pandoc = pandocEntries();
  const compared = [...bib.entries.values()].filter((e) => e.confidence !== 'unidentified');

  it('pandoc formats every entry of the bibliography', () => {
    expect([...pandoc.keys()].sort()).toEqual([...bib.entries.keys()].sort());
  });

  it('every identified entry reads the same as pandoc’s, entry by entry', () => {
    const differences = compared
      .map((e) => ({ key: e.key, site: normalise(vancouverText(e)), pandoc: normalise(pandoc.get(e.key) ?? '') }))
      .filter((d) => d.site !== d.pandoc);
    expect(differences).toEqual([]);
  });

  it('every truncated author list ends in "et al." on the site, as in pandoc', () => {
    const truncated = compared.filter((e) => authorsTruncated(e.csl));
    expect(truncated.length).toBe(12);
    for (const e of truncated) {
      // "Miao Z et al.": CSL puts no comma before "et al." after a single name.
      expect(vancouverText(e), e.key).toMatch(/^[^.]*,? et al\. /);
      expect(pandoc.get(e.key), e.key).toMatch(/^[^.]*,? et al\. /);
    }
  });
});
