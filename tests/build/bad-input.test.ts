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

  it('two headings with the same id fail the build, naming the file, both lines and the id', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/duplicate-heading-id' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/chapters\/duplicate-heading-id\/twice\.mdx:13: the id "#markers" of "Markers in bone" is already used by the heading at line 9/);
  });

  it('a link to a chapter or an anchor that does not exist fails the build, naming file, line and link', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/broken-link' });
    expect(status).not.toBe(0);
    expect(output).toMatch(/broken-link\/links\.mdx:11: the link "\/bone-microenvironment\/" leads to "\/bone-microenvironment\/", which is not a page of the site/);
    expect(output).toMatch(/broken-link\/links\.mdx:11: the link "\/links\/#no-such-section" names "#no-such-section", which \/links\/ does not have/);
  });
});
