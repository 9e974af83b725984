/**
 * Bad input stops a real build with a message that names the file, the line where known, and the fix.
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/build-fixture.ts';

describe('bad input fails the build', () => {
  it('an unknown citation key fails the build and names the key, the chapter file and the line', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/unknown-key' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/chapters\/unknown-key\/typo\.mdx:13: unknown citation key "mundy2020typo"/);
    expect(output).toContain('Every key must be an entry of content/bibliography.bib');
  });

  it('a chapter missing a required frontmatter field fails the build and names the file and field', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/missing-field' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/chapters\/missing-field\/no-summary\.mdx/);
    expect(output).toMatch(/summary: missing: add "summary", one paragraph/);
  });

  it('a malformed BibTeX bibliography fails the build and names the entry', () => {
    const { status, output } = buildWith({ BIBLIOGRAPHY: 'tests/fixtures/bibtex/malformed.bib' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/bibtex\/malformed\.bib:\d+: the BibTeX does not parse inside entry "broken2002"/);
  });
});
