import { describe, expect, it } from 'vitest';
import { citationSites, citedInLinks, sectionsCitingEach } from '../../src/lib/bibliography/citation-sites.ts';

const source = `---
title: "T"
---

Intro [@a].

## First {/* #first */}

One [@b; @a].

### Deeper {/* #deeper */}

Two [@a].
`;

describe('citationSites', () => {
  it('places each citation in the section above it, with its source line', () => {
    expect(citationSites(source).map((s) => [s.key, s.sectionId, s.line])).toEqual([
      ['a', '', 5],
      ['b', 'first', 9],
      ['a', 'first', 9],
      ['a', 'deeper', 13],
    ]);
  });

  it('lists each section once per reference, in order of first citation', () => {
    expect(sectionsCitingEach(source).get('a')?.map((s) => s.sectionId)).toEqual(['', 'first', 'deeper']);
    expect(sectionsCitingEach(source).get('b')).toEqual([{ sectionId: 'first', sectionTitle: 'First' }]);
  });

  it('treats a box with an id, such as the key points, as a section of its own titled by its first paragraph', () => {
    const boxed = `Before [@a].

<aside id="key-points" className="key-points">
  <p id="key-points-title">Key points</p>

- A point [@b].

</aside>

After [@c].
`;
    expect(citationSites(boxed).map((s) => [s.key, s.sectionId, s.sectionTitle])).toEqual([
      ['a', '', ''],
      ['b', 'key-points', 'Key points'],
      ['c', '', ''],
    ]);
  });
});

describe('citedInLinks', () => {
  it('links each key to every section that cites it, labelled with the chapter and section, chapters in the order given', () => {
    const links = citedInLinks(
      [
        { id: 'two', shortTitle: 'Two', body: source },
        { id: 'one', shortTitle: 'One', body: 'Text [@b].\n' },
      ],
      (path) => `/review${path}`,
    );
    expect(links.get('a')).toEqual([
      { href: '/review/two/', label: 'Two' },
      { href: '/review/two/#first', label: 'Two: First' },
      { href: '/review/two/#deeper', label: 'Two: Deeper' },
    ]);
    expect(links.get('b')?.map((l) => l.href)).toEqual(['/review/two/#first', '/review/one/']);
  });
});
