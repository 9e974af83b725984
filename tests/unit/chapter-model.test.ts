/**
 * One reader for chapter MDX: the chapter model, and every consumer that reads chapters through it.
 * The spaced heading-id form `{ /* #id *\/ }` builds with the right id, so each reader must see it too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { blankFrontmatter, chapterModel } from '../../src/lib/chapters/chapter-model.ts';
import { HEADING_ID_COMMENT } from '../../src/lib/chapters/heading-ids.ts';
import { chapterSectionIds } from '../../src/lib/teaching/sections.ts';
import { linkTargets } from '../../src/lib/links/link-targets.ts';
import { linkProblem } from '../../src/lib/chapters/link-rules.ts';
import { citationSites } from '../../src/lib/bibliography/citation-sites.ts';
import { chapterPassages } from '../../src/lib/atlas/chapter-passages.ts';
import { citedSegments } from '../../src/lib/atlas/relation-evidence.ts';
import { renderMdx } from '../helpers/pipeline.ts';

const SPACED_DIR = 'tests/fixtures/chapters/spaced-heading-id';
const spaced = readFileSync(`${SPACED_DIR}/spaced.mdx`, 'utf8');

describe('the spaced heading-id form { /* #id */ }', () => {
  it('gives the same id in the chapter model as the compact form, for h2 and h3', () => {
    const model = chapterModel(spaced);
    expect(model.sections.map((s) => [s.depth, s.id, s.title])).toEqual([
      [2, 'first', 'First section'],
      [2, 'spaced', 'Spaced section'],
      [3, 'spaced-sub', 'A spaced subsection'],
    ]);
  });

  it('gives the id the build gives the rendered heading', async () => {
    const { html } = await renderMdx(blankFrontmatter(spaced).trimStart());
    expect(html).toContain('<h2 id="spaced">Spaced section</h2>');
    expect(html).toContain('<h3 id="spaced-sub">A spaced subsection</h3>');
  });

  it('is listed among the sections that get an embed page and a QR code', () => {
    expect(chapterSectionIds(spaced)).toEqual(['first', 'spaced']);
  });

  it('is a link target: a link to /spaced/#spaced passes the link check, one to a missing id does not', () => {
    const targets = linkTargets(SPACED_DIR, []);
    const rules = { pages: targets.pages, anchorsOf: (path: string) => targets.anchors.get(path) };
    expect(targets.anchors.get('/spaced/')).toContain('spaced');
    expect(targets.anchors.get('/spaced/')).toContain('spaced-sub');
    expect(linkProblem('/spaced/#spaced', rules)).toBeUndefined();
    expect(linkProblem('/spaced/#nowhere', rules)).toBe('the link "/spaced/#nowhere" names "#nowhere", which /spaced/ does not have. Use one of its section ids.');
  });

  it('puts the citations below it in its own section, not in the previous one', () => {
    expect(citationSites(spaced).map((s) => [s.key, s.sectionId, s.sectionTitle])).toEqual([
      ['roato2008', '', ''],
      ['roato2007', 'first', 'First section'],
      ['roato2010', 'spaced', 'Spaced section'],
      ['colucci2007', 'spaced-sub', 'A spaced subsection'],
    ]);
  });

  it('puts the passages and cited segments below it in its own section', () => {
    expect(chapterPassages(spaced).map((p) => p.sectionId)).toEqual(['', 'first', 'spaced', 'spaced-sub']);
    expect(citedSegments('spaced', spaced).find((s) => s.keys.includes('roato2010'))?.sectionId).toBe('spaced');
  });

  it('is the pattern the heading-id syntax accepts, with or without spaces', () => {
    expect(HEADING_ID_COMMENT.exec('/* #a-b */')?.[1]).toBe('a-b');
    expect(HEADING_ID_COMMENT.exec('  /*   #a-b   */  ')?.[1]).toBe('a-b');
    expect(HEADING_ID_COMMENT.exec('/* a-b */')).toBeNull();
  });
});

describe('the chapter model', () => {
  const source = `---
title: "T"
---

Intro [@a].

<aside id="key-points" className="key-points">
  <p id="key-points-title">Key points</p>

- A point [@b; @c].

</aside>

## First {/* #first */}

One [@b] and [the other](/other/#x), then <a href="/third/">a third</a>.

| A | B |
| - | - |
| cell [@d] | two |

### Deeper {/* #deeper */}

Two @e says.

## Last {/* #last */}

End.
`;
  const model = chapterModel(source);

  it('keeps the line numbers of the file, frontmatter included', () => {
    expect(model.sections.map((s) => [s.id, s.line, s.endLine])).toEqual([
      ['first', 14, 25],
      ['deeper', 22, 25],
      ['last', 26, 29],
    ]);
  });

  it('lists each citation group once with all its keys, its line, column and section (boxes are sections)', () => {
    expect(model.citations.map((c) => [c.group, c.keys, c.line, c.column, c.sectionId])).toEqual([
      ['[@a]', ['a'], 5, 7, ''],
      ['[@b; @c]', ['b', 'c'], 10, 11, 'key-points'],
      ['[@b]', ['b'], 16, 5, 'first'],
      ['[@d]', ['d'], 20, 8, 'first'],
      ['@e', ['e'], 24, 5, 'deeper'],
    ]);
    expect(model.boxes).toEqual([{ id: 'key-points', title: 'Key points', line: 7, endLine: 12 }]);
  });

  it('lists the links of Markdown and of JSX, with their lines', () => {
    expect(model.links.map((l) => [l.href, l.line, l.kind])).toEqual([
      ['/other/#x', 16, 'link'],
      ['/third/', 16, 'jsx'],
    ]);
  });

  it('lists the passages each citation group closes, with keys, section and line', () => {
    expect(model.passages.map((p) => [p.sectionId, p.keys, p.line, p.text])).toEqual([
      ['', ['a'], 5, 'Intro'],
      ['first', ['b'], 16, 'One'],
      ['first', ['d'], 20, 'and the other, then a third. cell'],
    ]);
  });

  it('knows every id the text gives: headings, the box and its title', () => {
    expect([...model.ids.keys()]).toEqual(['key-points', 'key-points-title', 'first', 'deeper', 'last']);
  });

  it('is parsed once per distinct text', () => {
    expect(chapterModel(source)).toBe(model);
    expect(chapterModel(`${source}\n`)).not.toBe(model);
  });

  it('reports text MDX cannot parse with its line and column instead of throwing', () => {
    const broken = chapterModel('Intro.\n\nTwo cytokines {IL-6; IL-8} here.\n');
    // The column is where the expression stops making sense: the ";".
    expect(broken.parseError).toMatchObject({ line: 3, column: 20 });
    expect(broken.sections).toEqual([]);
  });
});

describe('one parse per chapter text in a build', () => {
  it('a second copy of the model module (as the page renderer loads one) finds the chapter the first copy parsed', async () => {
    const text = '## Shared {/* #shared */}\n\nA passage that cites a work [@roato2014].\n';
    const first = chapterModel(text);
    vi.resetModules();
    const copy = (await import('../../src/lib/chapters/chapter-model.ts')) as typeof import('../../src/lib/chapters/chapter-model.ts');
    expect(copy.chapterModel).not.toBe(chapterModel);
    expect(copy.chapterModel(text)).toBe(first);
  });

  it('a changed text is parsed again', () => {
    const a = chapterModel('## One {/* #one */}\n\nText.\n');
    const b = chapterModel('## One {/* #one */}\n\nOther text.\n');
    expect(b).not.toBe(a);
    expect(b.sections.map((s) => s.id)).toEqual(['one']);
  });
});
