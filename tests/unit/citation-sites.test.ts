import { describe, expect, it } from 'vitest';
import { citationSites, sectionsCitingEach } from '../../src/lib/bibliography/citation-sites.ts';

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

  it('places citations inside the key points box in a section of their own, then resumes the section around it', () => {
    const withKeyPoints = `---
title: "T"
---

<aside id="key-points" className="key-points" aria-labelledby="key-points-title">
  <p id="key-points-title" className="key-points-title">Key points</p>

- A point [@a].

</aside>

Intro [@b].

## First {/* #first */}

One [@a].
`;
    expect(citationSites(withKeyPoints).map((s) => [s.key, s.sectionId, s.sectionTitle, s.line])).toEqual([
      ['a', 'key-points', 'Key points', 8],
      ['b', '', '', 12],
      ['a', 'first', 'First', 16],
    ]);
  });
});
