/**
 * Content mistakes that used to build silently now stop a real build, with the file, the line
 * where known, and what to do. One fixture each, beside the other bad inputs.
 */
import { describe, expect, it } from 'vitest';
import { buildWith } from '../helpers/build-fixture.ts';

describe('content mistakes fail the build', () => {
  it('two chapters with the same order fail the build, naming both files, the lines and a free number', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/duplicate-order' });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /tests\/fixtures\/chapters\/duplicate-order\/second\.mdx:4: "order: 2" is already the order of tests\/fixtures\/chapters\/duplicate-order\/first\.mdx:4\. Each chapter needs its own position: give one of them another number \(1 is free\)/,
    );
  });

  it('a chapter whose slug takes a route of the site (factors) fails the build, naming the file and the page that holds it', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/reserved-slug' });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /tests\/fixtures\/chapters\/reserved-slug\/factors\.mdx: the chapter's URL \/factors\/ is already taken by the pages in src\/pages\/factors\/, so this chapter would never be shown\. Rename the file/,
    );
  });

  it('a raw <script> in a chapter fails the build, naming the file, the line and where behaviour belongs', () => {
    const { status, output } = buildWith({ CHAPTERS_DIR: 'tests/fixtures/chapters/raw-script' });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /tests\/fixtures\/chapters\/raw-script\/scripted\.mdx:13: a <script> element in a chapter\. The site's Content-Security-Policy blocks inline scripts, so it would never run\. Remove it; behaviour belongs in src\/scripts\//,
    );
  });
});
