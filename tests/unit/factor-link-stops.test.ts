/**
 * Factor links stay few, so Tab does not meet each factor again and again: one link per factor per
 * h2 section (its h3 subsections included), at its first mention, and none in the chapter's key
 * points, which are the opening's first mention. Abbreviations still get their <abbr> everywhere.
 */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Factor } from '../../src/lib/atlas/factors.ts';
import rehypeFactorLinks from '../../src/plugins/rehype-factor-links.ts';

const il7: Factor = { id: 'il-7', name: 'IL-7', expansion: 'interleukin-7', kind: 'cytokine', aliases: [], summary: 'x'.repeat(40), relations: [] };
const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeFactorLinks({ factors: [il7], href: (id) => `/factors/${id}/` })(tree);
  return tree;
};

describe('factor links in a chapter', () => {
  it('the key points link no factor but mark its abbreviation, and count as the opening\'s first mention; each h2 section links it once, its h3 not again', () => {
    const tree = run(`<aside class="key-points"><ul><li>IL-7 rises in patients.</li></ul></aside>
      <p>The opening also names IL-7.</p>
      <h2 id="a">A</h2><p>IL-7 comes from T cells. IL-7 again.</p><h3 id="a1">A1</h3><p>More on IL-7.</p>
      <h2 id="b">B</h2><p>IL-7 in serum.</p>`);
    const links = selectAll('a.factor-link', tree);
    expect(links.map((a) => toString(a))).toEqual(['IL-7', 'IL-7']);
    expect(selectAll('.key-points a', tree)).toEqual([]);
    expect(selectAll('.key-points abbr[title="interleukin-7"]', tree)).toHaveLength(1);
    expect(selectAll('abbr', tree)).toHaveLength(6);
  });

  it('the key points written as MDX JSX (<aside className="key-points">) link no factor either', () => {
    const tree = run('<h2 id="a">A</h2><p>IL-7 here.</p>');
    const aside = { type: 'mdxJsxFlowElement', name: 'aside', attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'key-points' }], children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'IL-7 rises.' }] }] };
    const withJsx = fromHtml('<h2 id="a">A</h2><p>IL-7 here.</p>', { fragment: true });
    withJsx.children.unshift(aside as never);
    rehypeFactorLinks({ factors: [il7], href: (id) => `/factors/${id}/` })(withJsx);
    expect(selectAll('a.factor-link', withJsx).map((a) => toString(a))).toEqual(['IL-7']);
    expect(toString(withJsx)).toBe(toString(tree).replace(/^/, 'IL-7 rises.'));
  });
});
