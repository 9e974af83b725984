import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { renderMdx } from '../helpers/pipeline.ts';

const chapter = (body: string) => `## First section {/* #first */}\n\n${body}\n`;

describe('the citation pipeline', () => {
  it('numbers each citation with its number in the review and links each number to its entry', async () => {
    const { html } = await renderMdx(chapter('A [@mundy2002]. B [@roodman2004; @mundy2002]. C [@roodman2004].'));
    expect(html).toMatch(/<a href="#bib-mundy2002">30<\/a>/);
    expect(html).toMatch(/<a href="#bib-roodman2004">31<\/a>/);
    expect(html).toContain('data-cites="mundy2002 roodman2004">(<a href="#bib-mundy2002">30</a>,<a href="#bib-roodman2004">31</a>)</span>');
    expect(html).toMatch(/<li id="bib-mundy2002" value="30"/);
    expect(html).toMatch(/<li id="bib-roodman2004" value="31"/);
  });

  it('a range shows its first and last numbers, each linked to its own entry', async () => {
    const { html } = await renderMdx(chapter('[@pantel1996; @tsuya2007; @brown2005; @langer2010]'));
    expect(html).toContain('(<a href="#bib-pantel1996">5</a>–<a href="#bib-langer2010">8</a>)');
  });

  it('the reference list follows the review’s numbering, whatever the order of citation', async () => {
    const { html, file } = await renderMdx(chapter('A [@brown2005]. B [@daddario2010].'));
    expect(file.data.referenceOrder).toEqual(['daddario2010', 'brown2005']);
    expect([...html.matchAll(/<li id="bib-[^"]+" value="(\d+)"/g)].map((m) => m[1])).toEqual(['3', '7']);
  });

  it('citing the review itself fails, naming the line and what to cite instead', async () => {
    await expect(renderMdx(chapter('Text [@roato2014review].'), resolve('content/chapters/self.mdx'))).rejects.toThrow(
      /content\/chapters\/self\.mdx:3: "roato2014review" in \[@roato2014review\] cannot be cited: it is the review this site presents/,
    );
  });

  it('the reference list holds exactly the cited entries', async () => {
    const { html, file } = await renderMdx(chapter('A [@mundy2002; @kang2003].'));
    expect(file.data.referenceOrder).toEqual(['mundy2002', 'kang2003']);
    expect(html.match(/<li id="bib-/g)).toHaveLength(2);
  });

  it('a group shown as a range keeps every key in data-cites', async () => {
    const { html } = await renderMdx(chapter('[@coleman1997; @pantel1996; @tsuya2007; @brown2005]'));
    expect(html).toContain('data-cites="coleman1997 pantel1996 tsuya2007 brown2005"');
  });

  it('each entry links back to every place that cites it', async () => {
    const { html } = await renderMdx(chapter('A [@mundy2002]. B [@mundy2002].'));
    const entry = /<li id="bib-mundy2002"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '';
    const targets = [...entry.matchAll(/class="backref" href="#(citation--[^"]+)"/g)].map((m) => m[1]);
    expect(targets).toHaveLength(2);
    for (const id of targets) expect(html).toContain(`id="${id}"`);
  });

  it('keeps reference lists out of the search index', async () => {
    const { html } = await renderMdx(chapter('A [@mundy2002].'));
    expect(html).toMatch(/<section class="references" id="references"[^>]*data-pagefind-ignore="all"/);
  });

  it('an unknown citation key fails with the key, the file and the line', async () => {
    const path = resolve('content/chapters/typo.mdx');
    await expect(renderMdx(chapter('Fine [@mundy2002].\n\nBroken [@mundy2002; @nosuchkey2099].'), path)).rejects.toThrow(
      /content\/chapters\/typo\.mdx:5: unknown citation key "nosuchkey2099" in \[@mundy2002; @nosuchkey2099\]/,
    );
  });

  it('a chapter without citations has no reference list', async () => {
    const { html } = await renderMdx(chapter('No sources here.'));
    expect(html).not.toContain('class="references"');
  });
});

describe('stable heading ids', () => {
  it('takes the id from the heading comment and drops the comment', async () => {
    const { html } = await renderMdx('## Dormancy of tumour cells {/* #dormancy */}\n\nText.');
    expect(html).toContain('<h2 id="dormancy">Dormancy of tumour cells</h2>');
  });

  it('an h2 without an explicit id fails, naming the file, line and fix', async () => {
    await expect(renderMdx('Intro.\n\n## No id here\n', resolve('content/chapters/x.mdx'))).rejects.toThrow(
      /content\/chapters\/x\.mdx:3: the h2 "No id here" has no stable id\. End it with \{\/\* #an-id \*\/\}/,
    );
  });

  it('two headings with the same id fail, naming both lines', async () => {
    await expect(renderMdx('## A {/* #same */}\n\n### B {/* #same */}\n')).rejects.toThrow(
      /:3: the id "#same" of "B" is already used by the heading at line 1/,
    );
  });

  it('a heading may not take an id the layout uses', async () => {
    await expect(renderMdx('## Sources {/* #references */}\n')).rejects.toThrow(/"#references" of "Sources" is used by the page layout/);
  });
});

describe('no script in a chapter', () => {
  it('a <script> element on its own line fails, naming the file, the line and what to do', async () => {
    await expect(renderMdx(chapter('Text.\n\n<script>{`alert(1)`}</script>'), resolve('content/chapters/s.mdx'))).rejects.toThrow(
      /content\/chapters\/s\.mdx:5: a <script> element in a chapter\. The site's Content-Security-Policy blocks inline scripts, so it would never run\. Remove it/,
    );
  });

  it('a <script> inside a paragraph fails too; the word "script" in code does not', async () => {
    await expect(renderMdx(chapter('Inline <script src="/x.js"></script> here.'))).rejects.toThrow(/:3: a <script> element in a chapter/);
    await expect(renderMdx(chapter('Write `<script>` as code, and fences:\n\n```html\n<script></script>\n```'))).resolves.toBeTruthy();
  });
});


describe('the bibliography rehype-citation reads', () => {
  it('gives every chapter the same citations and links from the converted CSL-JSON as from the BibTeX itself', async () => {
    const { citationDataFile } = await import('../../src/lib/bibliography/citation-data-file.ts');
    const json = citationDataFile(resolve('content/bibliography.bib'));
    expect(json).toMatch(/\.json$/);
    const source = [
      '## Cited {/* #cited */}',
      '',
      'One work [@coleman1997], a range [@roato2014ref49; @roato2014ref50; @roato2014ref51] and a group [@ferlay2013; @pantel1996; @brown2005].',
      '',
    ].join('\n');
    const fromBibtex = await renderMdx(source);
    const fromJson = await renderMdx(source, undefined, json);
    expect(fromJson.html).toContain('class="citation"');
    expect(fromJson.html).toBe(fromBibtex.html);
  });
});

describe('typography in every MDX file the build renders', () => {
  it('a straight quote, "--" or "..." in prose stops the build with file, line, column and the mark to write; code and typographic marks pass', async () => {
    await expect(renderMdx('Intro line.\n\nThe body\'s store -- and more...\n', resolve('content/overview.mdx'))).rejects.toThrow(
      /^content\/overview\.mdx:3:9: a straight apostrophe .* Write ’[\s\S]*content\/overview\.mdx:3:18: hyphens standing for a dash[\s\S]*content\/overview\.mdx:3:29: three dots/,
    );
    const ok = await renderMdx('The body’s store – and more…, with `code\'s "marks"` left alone.\n', resolve('content/overview.mdx'));
    expect(ok.html).toContain('The body’s store – and more…');
  });
});
