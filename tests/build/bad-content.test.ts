/**
 * Content mistakes that used to build silently now stop a real build, with the file, the line
 * where known, and what to do. One fixture each, beside the other bad inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/build-fixture.ts';

/**
 * The chapter stage: one build of tests/fixtures/chapters/mistakes/, where every file holds a
 * different mistake. The chapter checks run together when the chapters load, so this one build must
 * list them all, each with its file, line and fix. The messages themselves are unit-tested on the
 * same fixtures (tests/unit/chapter-rules.test.ts).
 */
describe('chapter mistakes fail one build, which lists every one of them', () => {
  const DIR = 'tests/fixtures/chapters/mistakes';
  let result: { status: number | null; output: string };
  beforeAll(() => {
    result = buildWith({ CHAPTERS_DIR: DIR });
  }, 180_000);
  const expectLine = (pattern: RegExp) => expect(result.output).toMatch(pattern);

  it('the build fails and counts the problems', () => {
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/The chapters have 28 problems \(each names the file, the line and what to do\)/);
  });

  it('two chapters with the same order are named with both files, the lines and a free number', () => {
    expectLine(/mistakes\/same-order\.mdx:4: "order: 17" is already the order of tests\/fixtures\/chapters\/mistakes\/factors\.mdx:4\. Each chapter needs its own position: give one of them another number \(\d+ is free\)/);
  });

  it('a slug that takes a route of the site (factors) names the page that holds it', () => {
    expectLine(/mistakes\/factors\.mdx: the chapter's URL \/factors\/ is already taken by the pages in src\/pages\/factors\/, so this chapter would never be shown\. Rename the file/);
  });

  it('a raw <script> names the line and where behaviour belongs', () => {
    expectLine(/mistakes\/script\.mdx:13:1: a <script> element in a chapter\. The site's Content-Security-Policy blocks inline scripts, so it would never run\. Remove it; behaviour belongs in src\/scripts\//);
  });

  it('what a chapter may not contain is named with file, line and fix: iframe, javascript: link, handler, style, images, h1, JSX h2, key-points id, figure twice', () => {
    expectLine(/mistakes\/iframe\.mdx:13:1: an <iframe> in a chapter: .* Link to it instead/);
    expectLine(/mistakes\/javascript-link\.mdx:11: the link "javascript:alert\(1\)" runs script/);
    expectLine(/mistakes\/inline-handler\.mdx:11:6: the inline event handler onClick on <span>\./);
    expectLine(/mistakes\/inline-handler\.mdx:13:1: an inline <style> element in a chapter\./);
    expectLine(/mistakes\/foreign-image\.mdx:13:1: the image "https:\/\/images\.example\.org\/chart\.png" has no alt text/);
    expectLine(/mistakes\/foreign-image\.mdx:15:1: an <img> element in a chapter\. Images in chapters are figures/);
    expectLine(/mistakes\/h1\.mdx:13:1: an h1 \("# …"\) in a chapter\. .* Make it an h2/);
    expectLine(/mistakes\/jsx-heading\.mdx:13:1: a JSX <h2> without an id escapes the stable-id rule/);
    expectLine(/mistakes\/key-points-id\.mdx:18: the id "#key-points" of "Key points again" is used by the page layout \(the key-points box\)\. Choose another id\./);
    expectLine(/mistakes\/figure-twice\.mdx:15: <Figure id="fig-serum-markers" \/> is placed a second time \(first at line 11\)/);
  });

  it('links and citations are checked: references entry, relative link, missing @, comma between keys', () => {
    expectLine(/mistakes\/references-link\.mdx:11: the link "\/references\/#bib-nosuch2020" names no entry of \/references\//);
    expectLine(/mistakes\/relative-link\.mdx:11: the link "serum-markers\/#il-7" is relative: .* Write it from the site root: "\/serum-markers\/#il-7"/);
    expectLine(/mistakes\/missing-at\.mdx:11:34: the text \[colucci2007\] names a key of the bibliography without "@".* Did you mean \[@colucci2007\]\?/);
    expectLine(/mistakes\/comma-keys\.mdx:11:40: the citation \[@roato2008, @roato2010\] separates its keys with a comma.* Separate keys with a semicolon: \[@roato2008; @roato2010\]\./);
  });

  it('an unknown key, a repeated heading id and links to a missing page or anchor are named with file and line', () => {
    expectLine(/mistakes\/unknown-key\.mdx:13: unknown citation key "mundy2020typo" in \[@roodman2004; @mundy2020typo\]\. Every key must be an entry of content\/bibliography\.bib/);
    expectLine(/mistakes\/heading-id-twice\.mdx:13: the id "#markers" of "Markers in bone" is already used by the heading at line 9/);
    expectLine(/mistakes\/broken-link\.mdx:11: the link "\/bone-microenvironment\/" leads to "\/bone-microenvironment\/", which is not a page of the site/);
    expectLine(/mistakes\/broken-link\.mdx:11: the link "\/broken-link\/#no-such-section" names "#no-such-section", which \/broken-link\/ does not have/);
  });

  it('a published section deleted without a redirect names the redirect to add', () => {
    expectLine(/mistakes\/conclusion\.mdx: the id "#using-this-site" \("Using this site"\) was published at \/conclusion\/#using-this-site .* is gone.*\n {2}- \{ page: \/conclusion\/, from: using-this-site, to: closing \}/);
  });

  it('files that are not chapters, and slugs that differ only in case, are named', () => {
    expectLine(/mistakes\/notes\.md: not a chapter \(only \.mdx files in tests\/fixtures\/chapters\/mistakes\/ are chapters\)/);
    expectLine(/mistakes\/Conclusion\.mdx: its slug "Conclusion" differs from tests\/fixtures\/chapters\/mistakes\/conclusion\.mdx only in case/);
  });

  it('MDX expressions and braces name file, line and column, with the escape to use', () => {
    expectLine(/mistakes\/expression\.mdx:11:30: "\{undefined\.year\}" is an MDX expression/);
    expectLine(/mistakes\/literal-braces\.mdx:11:40: "\{IL-6, IL-8\}" is an MDX expression.* escape them as \\\{ and \\\}/);
    expectLine(/mistakes\/unreadable-braces\.mdx:11:20: MDX cannot read the chapter here: .* escape them as \\\{ and \\\}/);
  });
});
