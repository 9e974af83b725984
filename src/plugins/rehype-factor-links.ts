/**
 * rehype-factor-links: links the first mention of each factor in every section to its atlas page,
 * and marks abbreviations with <abbr title="expansion">.
 *
 * Quiet by design: one link, at the first mention, per factor per h2 section (its h3s included);
 * none inside headings, links, code, citations or the reference list; none in the chapter's key
 * points, which count as the opening section's first mention; none for a factor marked
 * `linkInText: false`. Every later abbreviation still gets its <abbr>. Only a factor's own names
 * link (name, expansion, `aliases`): `searchAliases` such as "hypoxia" for HIF-1 never do.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { Factor } from '../lib/atlas/factors.ts';
import { expansionOf, factorNameIndex, findMentions, isAbbreviation } from '../lib/atlas/factor-mentions.ts';

export interface FactorLinksOptions {
  factors: readonly Factor[];
  /** URL of a factor's page, e.g. id => `/factors/${id}/`. */
  href: (id: string) => string;
}

const SKIP_TAGS = new Set(['a', 'abbr', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);
const hasClass = (el: Element, name: string) => {
  const c = el.properties?.['className'];
  return Array.isArray(c) ? c.includes(name) : c === name;
};

/** An MDX JSX element whose className names "key-points". */
function isKeyPointsJsx(node: { type: string; attributes?: unknown }): boolean {
  if (node.type !== 'mdxJsxFlowElement' || !Array.isArray(node.attributes)) return false;
  return node.attributes.some((a: { name?: string; value?: unknown }) => (a.name === 'className' || a.name === 'class') && typeof a.value === 'string' && a.value.split(/\s+/).includes('key-points'));
}

export default function rehypeFactorLinks({ factors, href }: FactorLinksOptions) {
  const index = factorNameIndex(factors);
  const byId = new Map(factors.map((f) => [f.id, f]));
  return (tree: Root) => {
    let linked = new Set<string>();
    // `links`: false inside the key points, which sum up the chapter before its first h2. A factor
    // they name has had its first mention there: it links again from the next h2 section on, so Tab
    // does not meet it twice in the chapter's opening.
    const walk = (root: Root | Element, links: boolean) =>
      visit(root, (node, i, parent) => {
        // In MDX the key points are JSX (<aside className="key-points">), not yet an element.
        if (links && isKeyPointsJsx(node)) {
          walk(node as unknown as Element, false);
          return SKIP;
        }
        if (node === root) return undefined;
        if (node.type === 'element') {
          if (node.tagName === 'h2') linked = new Set();
          if (SKIP_TAGS.has(node.tagName) || hasClass(node, 'citation') || hasClass(node, 'references')) return SKIP;
          if (links && hasClass(node, 'key-points')) {
            walk(node, false);
            return SKIP;
          }
          return undefined;
        }
        if (node.type !== 'text' || !parent || i === undefined) return undefined;
        const text = (node as Text).value;
        const mentions = findMentions(text, index);
        if (!mentions.length) return undefined;
        const out: ElementContent[] = [];
        let at = 0;
        for (const m of mentions) {
          const factor = byId.get(m.factorId);
          if (!factor) continue;
          if (m.start > at) out.push({ type: 'text', value: text.slice(at, m.start) });
          let piece: ElementContent = { type: 'text', value: m.text };
          if (isAbbreviation(m, factor)) piece = h('abbr', { title: expansionOf(factor) }, m.text);
          // A mention in the key points is the section's first: it is not linked, and neither are
          // later ones before the next h2.
          if (!links) linked.add(factor.id);
          if (links && !linked.has(factor.id) && factor.linkInText !== false) {
            linked.add(factor.id);
            // Factor names weigh more in the search index than ordinary words.
            piece = h('a.factor-link', { href: href(factor.id), dataPagefindWeight: '3' }, [piece]);
          }
          out.push(piece);
          at = m.end;
        }
        if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
        parent.children.splice(i, 1, ...(out as typeof parent.children));
        return [SKIP, i + out.length];
      });
    walk(tree, true);
  };
}
