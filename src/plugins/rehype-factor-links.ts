/**
 * rehype-factor-links: links the first mention of each factor in every section to its atlas page,
 * and marks abbreviations with <abbr title="expansion">.
 *
 * Quiet by design: one link per factor per section (h2/h3), none inside headings, links, code,
 * citations or the reference list, and none for a factor marked `linkInText: false`. Every later
 * abbreviation still gets its <abbr>. Only a factor's own names link (name, expansion, `aliases`):
 * `searchAliases` such as "hypoxia" for HIF-1 never do.
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

export default function rehypeFactorLinks({ factors, href }: FactorLinksOptions) {
  const index = factorNameIndex(factors);
  const byId = new Map(factors.map((f) => [f.id, f]));
  return (tree: Root) => {
    let linked = new Set<string>();
    visit(tree, (node, i, parent) => {
      if (node.type === 'element') {
        if (/^h[23]$/.test(node.tagName)) linked = new Set();
        if (SKIP_TAGS.has(node.tagName) || hasClass(node, 'citation') || hasClass(node, 'references')) return SKIP;
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
        if (!linked.has(factor.id) && factor.linkInText !== false) {
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
  };
}
