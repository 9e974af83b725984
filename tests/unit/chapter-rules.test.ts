/**
 * The chapter rules on the chapter model, without a build: what a chapter may contain (an
 * allowlist), its links, citations and published anchors, and the files of the chapters folder.
 * Each case is a fixture in tests/fixtures/chapters/mistakes/, which the build test also builds at once.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { chapterContentProblems, chapterFileProblems } from '../../src/lib/chapters/chapter-rules.ts';
import { chapterFolderProblems, siteChapterContext } from '../../src/lib/site/chapter-checks.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { resolve } from 'node:path';
import rehypeInternalLinks from '../../src/plugins/rehype-internal-links.ts';

const DIR = 'tests/fixtures/chapters/mistakes';
/** The site as the real content makes it (chapters of content/chapters/). */
const context = siteChapterContext({});
/** The site as a build of the fixture folder makes it (its chapters are the fixtures). */
const fixtureContext = siteChapterContext({ CHAPTERS_DIR: DIR });
/** The problems of one fixture chapter, as the build of the fixture folder prints them. */
const problemsOf = (name: string) => chapterContentProblems(`${DIR}/${name}`, name.replace(/\.mdx$/, ''), readFileSync(`${DIR}/${name}`, 'utf8'), fixtureContext);
/** The problems of a chapter body written here (frontmatter-less), as if it were content/chapters/t.mdx. */
const problemsOfText = (body: string) => chapterContentProblems('t.mdx', 't', body, context);

describe('a chapter may contain only what the site renders', () => {
  it('refuses an <iframe> of another site, naming file, line and column, and says to link instead', () => {
    expect(problemsOf('iframe.mdx')).toEqual([
      `${DIR}/iframe.mdx:13:1: an <iframe> in a chapter: it would show another site inside this one, which the Content-Security-Policy blocks. Link to it instead: [what it is](https://…).`,
    ]);
  });

  it('refuses a javascript: link', () => {
    expect(problemsOf('javascript-link.mdx')).toEqual([
      `${DIR}/javascript-link.mdx:11: the link "javascript:alert(1)" runs script ("javascript:"). The site's Content-Security-Policy blocks it, so it can only be a mistake: link to a page (https://… or a path from the site root such as /serum-markers/), and put behaviour in src/scripts/.`,
    ]);
    expect(problemsOfText('[x]( JavaScript:alert(1))\n')[0]).toMatch(/t\.mdx:1: the link .* runs script/);
  });

  it('refuses an inline event handler and an inline <style>', () => {
    expect(problemsOf('inline-handler.mdx')).toEqual([
      `${DIR}/inline-handler.mdx:11:6: the inline event handler onClick on <span>. The site's Content-Security-Policy blocks inline handlers, so it would never run. Remove it; behaviour belongs in src/scripts/.`,
      `${DIR}/inline-handler.mdx:13:1: an inline <style> element in a chapter. The site's Content-Security-Policy blocks inline styles, so it would never apply. Remove it; styles belong in src/styles/.`,
    ]);
    expect(problemsOfText('<span style="color: red">x</span>\n')[0]).toMatch(/an inline style="…" on <span>/);
  });

  it('refuses an image from another site without alt text, and any raw <img>', () => {
    const problems = problemsOf('foreign-image.mdx');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(`${DIR}/foreign-image.mdx:13:1: the image "https://images.example.org/chart.png" has no alt text, so screen-reader users get nothing. Describe it: ![what it shows](https://images.example.org/chart.png); a teaching figure belongs in content/figures.yaml, placed with <Figure id="fig-…" />.`);
    expect(problems[1]).toMatch(/foreign-image\.mdx:13:1: the image "https:\/\/images\.example\.org\/chart\.png" is not a file of this site/);
    expect(problems[2]).toBe(`${DIR}/foreign-image.mdx:15:1: an <img> element in a chapter. Images in chapters are figures: add it to content/figures.yaml and place it with <Figure id="fig-…" />.`);
  });

  it('refuses an h1 in a chapter', () => {
    expect(problemsOf('h1.mdx')).toEqual([
      `${DIR}/h1.mdx:13:1: an h1 ("# …") in a chapter. The page already has its h1, the chapter's title from the frontmatter. Make it an h2: "## Title {/* #an-id */}".`,
    ]);
    expect(problemsOfText('<h1>Title</h1>\n')[0]).toMatch(/t\.mdx:1:1: an <h1> in a chapter/);
  });

  it('refuses a JSX <h2> without an id', () => {
    expect(problemsOf('jsx-heading.mdx')).toEqual([
      `${DIR}/jsx-heading.mdx:13:1: a JSX <h2> without an id escapes the stable-id rule: links to it could not survive edits. Write it in Markdown with its id, "## Title {/* #an-id */}".`,
    ]);
  });

  it('refuses a heading id that collides with the key-points box, and one a JSX element already uses', () => {
    expect(problemsOf('key-points-id.mdx')).toEqual([
      `${DIR}/key-points-id.mdx:18: the id "#key-points" of "Key points again" is used by the page layout (the key-points box). Choose another id.`,
    ]);
    expect(problemsOfText('<p id="note">A note.</p>\n\n## Note {/* #note */}\n')).toEqual([
      't.mdx:3: the id "#note" of this heading is already the id of the <p> at line 1. Ids must be unique on a page: choose another id.',
    ]);
    expect(problemsOfText('## Figure {/* #fig-own */}\n')[0]).toMatch(/the id "#fig-own" of "Figure" is used by the page layout/);
  });

  it('refuses the same <Figure> placed twice', () => {
    expect(problemsOf('figure-twice.mdx')).toEqual([
      `${DIR}/figure-twice.mdx:15: <Figure id="fig-serum-markers" /> is placed a second time (first at line 11); the page would hold its ids twice. Place each figure once, and refer to it elsewhere with a link: [the figure](#fig-serum-markers).`,
    ]);
  });

  it('refuses elements and attributes outside the allowlist, and imports', () => {
    expect(problemsOfText('<video src="/a.mp4" />\n')[0]).toMatch(/t\.mdx:1:1: an <video> element in a chapter/);
    expect(problemsOfText('<Widget />\n')[0]).toMatch(/t\.mdx:1:1: <Widget> is not something a chapter may contain/);
    expect(problemsOfText('<span data-x="1">a</span>\n')[0]).toMatch(/<span> may not carry the attribute "data-x"/);
    expect(problemsOfText('<Figure id={"fig-x"} />\n')[0]).toMatch(/the attribute id=\{…\} on <Figure> is computed/);
    expect(problemsOfText('import X from "./x.js"\n\nText.\n')[0]).toMatch(/t\.mdx:1:1: an import or export in a chapter/);
  });

  it('accepts what the chapters use: Markdown, citations, the key-points box, a figure, comments, text elements', () => {
    const body = `<aside id="key-points" className="key-points" aria-labelledby="key-points-title">
  <p id="key-points-title" className="key-points-title">Key points</p>

- A point [@roato2008].

</aside>

Text with *emphasis*, **strong**, <abbr title="interleukin-7">IL-7</abbr>, H<sub>2</sub>O and a [link](https://doi.org/10.1/x) {/* an editor's note */}.

## A section { /* #a-section */ }

| A | B |
| - | - |
| one [@roato2010] | \\{two\\} |

<Figure id="fig-serum-markers" />

See [the section](#a-section), [the figure](#fig-serum-markers), [an entry](/references/#roato2008) and [a chapter](/serum-markers/#il-7).
`;
    expect(problemsOfText(body)).toEqual([]);
  });

  it('refuses typewriter quotes, double hyphens and three dots in prose, naming line and column and the character to write', () => {
    const problems = problemsOfText("## Marks {/* #marks */}\n\nThe body's store, a \"seed and soil\" image -- and more...\n\n`code's fine` and <Figure id=\"fig-bone-niche\" />\n");
    expect(problems).toEqual([
      expect.stringMatching(/^t\.mdx:3:9: a straight apostrophe or quote \(\'\) in prose.* Write ’ for an apostrophe/),
      expect.stringMatching(/^t\.mdx:3:21: a straight double quote .* Write “…”/),
      expect.stringMatching(/^t\.mdx:3:35: a straight double quote/),
      expect.stringMatching(/^t\.mdx:3:43: hyphens standing for a dash .* Write – \(en dash/),
      expect.stringMatching(/^t\.mdx:3:54: three dots .* Write …/),
    ]);
    expect(problemsOfText('## Marks {/* #marks */}\n\nThe body’s store, a “seed and soil” image – and more…\n')).toEqual([]);
  });

  it('finds nothing wrong with the real chapters', () => {
    expect(chapterFolderProblems('content/chapters', context)).toEqual([]);
  });
});

describe('links and citations are checked at build time', () => {
  it('refuses a link to an entry of /references/ that does not exist, and says how entries are named', () => {
    expect(problemsOf('references-link.mdx')).toEqual([
      `${DIR}/references-link.mdx:11: the link "/references/#bib-nosuch2020" names no entry of /references/: "nosuch2020" is not a key of content/bibliography.bib. Link to an entry as /references/#<key> with a key from content/bibliography.bib (to cite it, write [@key]).`,
    ]);
    expect(problemsOfText('[x](/references/#bib-roato2008)\n')).toEqual([
      't.mdx:1: the link "/references/#bib-roato2008" names "#bib-roato2008", but entries of /references/ have their key as id. Write "/references/#roato2008".',
    ]);
  });

  it('the link plugin of the build refuses the same links with the same messages as the check on the model', async () => {
    const body = 'See [one](serum-markers/#il-7), [two](/references/#bib-nosuch2020) and [three](/nowhere/).\n';
    const pipeline = unified().use(remarkParse).use(remarkMdx).use(remarkRehype).use(rehypeInternalLinks, { base: '/', ...context.targets }).use(rehypeStringify);
    const error = await pipeline.process(new VFile({ value: body, path: resolve('t.mdx') })).then(() => undefined, (e: Error) => e);
    expect(error?.message.split('\n')).toEqual(problemsOfText(body));
    expect(problemsOfText(body)).toHaveLength(3);
  });

  it('refuses a relative link and says to write it from the site root (it is never resolved)', () => {
    expect(problemsOf('relative-link.mdx')).toEqual([
      `${DIR}/relative-link.mdx:11: the link "serum-markers/#il-7" is relative: it would resolve against the page it sits on and break under a base path. Write it from the site root: "/serum-markers/#il-7" (the build never resolves relative links).`,
    ]);
  });

  it('refuses a citation written without @ whose text is a key, with "did you mean"', () => {
    expect(problemsOf('missing-at.mdx')).toEqual([
      `${DIR}/missing-at.mdx:11:34: the text [colucci2007] names a key of the bibliography without "@", so it would print as literal text, not as a citation. Did you mean [@colucci2007]?`,
    ]);
    expect(problemsOfText('Two [roato2008; roato2010] and [a remark] here.\n')).toEqual([
      't.mdx:1:5: the text [roato2008; roato2010] names keys of the bibliography without "@", so it would print as literal text, not as a citation. Did you mean [@roato2008; @roato2010]?',
    ]);
  });

  it('refuses keys separated by a comma, naming file, line, column and the fix', () => {
    expect(problemsOf('comma-keys.mdx')).toEqual([
      `${DIR}/comma-keys.mdx:11:40: the citation [@roato2008, @roato2010] separates its keys with a comma, which the citation processor cannot read. Separate keys with a semicolon: [@roato2008; @roato2010].`,
    ]);
    expect(problemsOfText('A locator [@roato2008, p. 3] is fine.\n')).toEqual([]);
  });

  it('refuses an unknown key, a repeated heading id and links to a missing page or anchor, with the messages of the build plugins', () => {
    expect(problemsOf('unknown-key.mdx')).toEqual([
      `${DIR}/unknown-key.mdx:13: unknown citation key "mundy2020typo" in [@roodman2004; @mundy2020typo]. Every key must be an entry of content/bibliography.bib: fix the spelling, or add the entry there.`,
    ]);
    expect(problemsOf('heading-id-twice.mdx')).toEqual([`${DIR}/heading-id-twice.mdx:13: the id "#markers" of "Markers in bone" is already used by the heading at line 9. Ids must be unique on a page.`]);
    expect(problemsOf('broken-link.mdx').map((p) => p.replace(/ Link to an existing page such as .*/, ''))).toEqual([
      `${DIR}/broken-link.mdx:11: the link "/bone-microenvironment/" leads to "/bone-microenvironment/", which is not a page of the site.`,
      `${DIR}/broken-link.mdx:11: the link "/broken-link/#no-such-section" names "#no-such-section", which /broken-link/ does not have. Use one of its section ids.`,
    ]);
  });

  it('refuses an unknown key and the source review, as the citation guard does', () => {
    expect(problemsOfText('Text [@roato2008; @Roato2010x].\n')).toEqual([
      't.mdx:1: unknown citation key "Roato2010x" in [@roato2008; @Roato2010x]. Every key must be an entry of content/bibliography.bib: fix the spelling, or add the entry there.',
    ]);
    expect(problemsOfText('Text [@roato2014review].\n')[0]).toMatch(/t\.mdx:1: "roato2014review" in \[@roato2014review\] cannot be cited: it is the review this site presents/);
  });

  it('refuses a published section deleted without a redirect, and gives the redirect to add', () => {
    expect(problemsOf('conclusion.mdx')).toEqual([
      `${DIR}/conclusion.mdx: the id "#using-this-site" ("Using this site") was published at /conclusion/#using-this-site (content/anchors.published.json) and is gone, so every link to it breaks. Restore it (a heading ending {/* #using-this-site */}), or say where it went in content/redirects.yaml under "anchors:", for example:\n  - { page: /conclusion/, from: using-this-site, to: closing }`,
    ]);
  });

  it('accepts a deleted published section once the redirect is declared', () => {
    const redirects = { pages: [], anchors: [...(context.redirects?.anchors ?? []), { page: '/conclusion/', from: 'using-this-site', to: 'closing' }] };
    const source = readFileSync(`${DIR}/conclusion.mdx`, 'utf8');
    expect(chapterContentProblems('conclusion.mdx', 'conclusion', source, { ...context, redirects })).toEqual([]);
  });
});

describe('MDX errors say where, with the fix', () => {
  it('an expression that would throw names file, line and column, and says to escape the braces', () => {
    expect(problemsOf('expression.mdx')).toEqual([
      `${DIR}/expression.mdx:11:30: "{undefined.year}" is an MDX expression, which a chapter may not compute (it would run, or throw, when the page is built). If you meant literal braces in prose, escape them as \\{ and \\}: "\\{undefined.year\\}".`,
    ]);
  });

  it('literal braces in prose name file, line and column, with the escaped form', () => {
    expect(problemsOf('literal-braces.mdx')).toEqual([
      `${DIR}/literal-braces.mdx:11:40: "{IL-6, IL-8}" is an MDX expression, which a chapter may not compute (it would run, or throw, when the page is built). If you meant literal braces in prose, escape them as \\{ and \\}: "\\{IL-6, IL-8\\}".`,
    ]);
  });

  it('braces MDX cannot parse name file, line and column, and the fix', () => {
    expect(problemsOf('unreadable-braces.mdx')).toEqual([
      `${DIR}/unreadable-braces.mdx:11:20: MDX cannot read the chapter here: Could not parse expression with acorn. Braces start an MDX expression: to write literal braces in prose, escape them as \\{ and \\} (for example \\{IL-6, IL-8\\}).`,
    ]);
  });
});

describe('the chapters folder holds only chapters', () => {
  it('refuses a file that is not .mdx and a slug that differs from another only in case, every one of them in the fixture', () => {
    const entries = readdirSync(DIR, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    expect(chapterFileProblems(DIR, entries)).toEqual([
      `${DIR}/Conclusion.mdx: its slug "Conclusion" differs from ${DIR}/conclusion.mdx only in case, so both would claim the URL /conclusion/ and one would vanish. Merge the two files, or give one a slug of its own.`,
      `${DIR}/notes.md: not a chapter (only .mdx files in ${DIR}/ are chapters), so it would be left out without a word. Rename it to notes.mdx if it is a chapter, or move it out of ${DIR}/.`,
    ]);
  });

  it('refuses a folder and a slug that is not lowercase, and leaves hidden files alone', () => {
    expect(chapterFileProblems('c', [{ name: 'drafts', isDirectory: true }, { name: 'My Chapter.mdx', isDirectory: false }, { name: '.DS_Store', isDirectory: false }])).toEqual([
      'c/drafts/: a folder inside the chapters folder, which the site never reads. Chapters are .mdx files directly in c/: move them up, or move the folder out.',
      'c/My Chapter.mdx: the slug "My Chapter" is the chapter\'s URL, and chapter URLs use lowercase letters, digits and hyphens. Rename the file to my-chapter.mdx.',
    ]);
  });
});
