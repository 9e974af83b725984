/**
 * Bad input stops a real build with a message that names the file, the line where known, and the fix.
 * Chapter mistakes (unknown key, repeated heading id, broken links and the rest) are listed by one
 * build in tests/build/bad-content.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/build-fixture.ts';

describe('bad input fails the build', () => {
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
