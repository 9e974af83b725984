/**
 * rehype-reference-list: turns rehype-citation's output into the site's citations and reference list.
 *
 * Runs right after rehype-citation. It
 * - marks each in-text citation (`span.citation`, `data-cites` with every key of the group in the
 *   review's numbering, including those hidden inside a range such as 5-8, so previews and
 *   back-references can use it), and writes its numbers: each reference's number in the review,
 *   consecutive numbers as a range, every shown number linked to its own entry;
 * - writes the reference list (in place of rehype-citation's, which the pipeline turns off) as an
 *   ordered list in the review's numbering, each
 *   entry with the site's reference markup (Vancouver text, DOI/PubMed links, identification status,
 *   its number in the review) and links back to every place in the page that cites it (several
 *   back-links are a labelled group, with a hidden hint the arrow-key script shows);
 * - checks that rehype-citation resolved every key the citation guard saw and left no `[@` behind.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import type { Bibliography } from '../lib/bibliography/bibliography.ts';
import { referenceBody } from '../lib/bibliography/reference-markup.ts';
import { formatEntries, IDENTIFICATION_ANCHOR } from '../lib/bibliography/reference-format.ts';
import { citationParts, sortByReviewNumber } from '../lib/bibliography/citation-numbers.ts';
import { relativePath } from '../lib/site/paths.ts';

export interface ReferenceListOptions {
  bibliography: Bibliography;
  /** Id and heading of the reference-list section. */
  sectionId?: string;
  heading?: string;
  /** Where each identification badge leads; the internal-links plugin adds the base path. */
  identificationUrl?: string;
}

export class UnresolvedCitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvedCitationError';
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Keys in reference-list order (the order of first citation). */
    referenceOrder: string[];
  }
}

const CITATION_ID = /^citation--(.+)--(\d+)$/;
const classList = (node: Element): string[] => {
  const c = node.properties?.['className'];
  return Array.isArray(c) ? c.map(String) : c ? String(c).split(/\s+/) : [];
};

export default function rehypeReferenceList({
  bibliography,
  sectionId = 'references',
  heading = 'References',
  identificationUrl = `/references/#${IDENTIFICATION_ANCHOR}`,
}: ReferenceListOptions) {
  const reviewUrl = `https://doi.org/${bibliography.review.csl.DOI}`;
  formatEntries(bibliography.entries.values());
  return (tree: Root, file: VFile) => {
    const where = relativePath(file.path);
    const citations: { id: string; keys: string[] }[] = [];
    let refs: { parent: Root | Element; index: number; node: Element } | undefined;

    visit(tree, 'element', (node: Element, index, parent) => {
      const id = String(node.properties?.['id'] ?? '');
      if (id === 'refs' && classList(node).includes('references') && parent && (parent.type === 'root' || parent.type === 'element') && index !== undefined) {
        refs = { parent, index, node };
        return SKIP;
      }
      const m = node.tagName === 'span' ? CITATION_ID.exec(id) : null;
      if (m) {
        const at = `${where}:${node.position?.start.line ?? '?'}`;
        const keys = sortByReviewNumber(bibliography, (m[1] as string).split('--'), at);
        citations.push({ id, keys });
        node.properties = { ...node.properties, className: ['citation'], dataCites: keys.join(' ') };
        // rehype-citation's numbers count from 1 per page and link a range's end to the group's
        // second key; the site shows the review's numbers, each linked to its own entry.
        node.children = [
          { type: 'text', value: '(' },
          ...citationParts(bibliography, keys, at).map((p): ElementContent =>
            p.kind === 'number' ? h('a', { href: `#bib-${p.key}` }, String(p.number)) : { type: 'text', value: p.text },
          ),
          { type: 'text', value: ')' },
        ];
        return SKIP;
      }
      return undefined;
    });

    // Belt and braces: nothing that looks like a citation may survive into the page.
    visit(tree, 'text', (node: Text, _i, parent) => {
      if (parent && 'tagName' in parent && (parent.tagName === 'code' || parent.tagName === 'pre')) return;
      const at = node.value.indexOf('[@');
      if (at >= 0) {
        throw new UnresolvedCitationError(
          `${where}:${node.position?.start.line ?? '?'}: "${node.value.slice(at, at + 60)}" was left unresolved by rehype-citation. Check the citation's syntax: [@key] or [@key1; @key2].`,
        );
      }
    });

    const expected = file.data.citedKeys ?? [];
    const resolved = new Set(citations.flatMap((c) => c.keys));
    const missing = expected.filter((k) => !resolved.has(k));
    if (missing.length) {
      throw new UnresolvedCitationError(
        `${where}: rehype-citation dropped the citation(s) ${missing.map((k) => `"${k}"`).join(', ')}. Check the groups that hold them for a typo or a stray character.`,
      );
    }
    if (!citations.length) {
      if (refs) refs.parent.children.splice(refs.index, 1);
      file.data.referenceOrder = [];
      return;
    }

    // The review's numbering: a chapter's list reads e.g. 3, 7, 72-85.
    const order = sortByReviewNumber(bibliography, citations.flatMap((c) => c.keys), where);
    const citedFrom = new Map<string, string[]>();
    for (const c of citations) for (const k of c.keys) citedFrom.set(k, [...(citedFrom.get(k) ?? []), c.id]);

    const items: ElementContent[] = order.map((key) => {
      const entry = bibliography.entries.get(key);
      if (!entry) throw new UnresolvedCitationError(`${where}: "${key}" is not in ${bibliography.file}.`);
      const backs = citedFrom.get(key) ?? [];
      const backLinks: ElementContent[] = backs.map((id, j) =>
        h('a.backref', { href: `#${id}`, 'aria-label': `Back to citation ${j + 1} of reference ${entry.reviewNumber}` }, backs.length > 1 ? String.fromCharCode(97 + (j % 26)) : '↑'),
      );
      // Several back-links are a labelled group; src/scripts/backref-keys.ts makes it one Tab stop.
      const group = backs.length > 1 ? { role: 'group', 'aria-label': `Back to the ${backs.length} places that cite reference ${entry.reviewNumber}` } : {};
      return h('li', { id: `bib-${key}`, value: entry.reviewNumber, dataConfidence: entry.confidence ?? 'source' }, [
        h('span.backrefs', group, backLinks),
        ...referenceBody(entry, { reviewUrl, identificationUrl }),
      ]);
    });

    // Every entry links to the review ("Reference 34 in the review") and its badge to the one
    // explanation of identification levels: the same two addresses again and again. The first of
    // each stays in the Tab order; the repeats are still links for pointer and screen-reader users.
    const repeated = new Set<string>();
    visit({ type: 'root', children: items } as Root, 'element', (a: Element) => {
      if (a.tagName !== 'a' || !(classList(a).includes('ref-review') || classList(a).includes('ref-status'))) return;
      const key = `${classList(a).join(' ')} ${String(a.properties?.['href'])}`;
      if (repeated.has(key)) a.properties = { ...a.properties, tabIndex: -1 };
      repeated.add(key);
    });

    const section = h(
      'section.references',
      { id: sectionId, 'aria-labelledby': `${sectionId}-title`, dataPagefindIgnore: 'all' },
      [
        h('h2', { id: `${sectionId}-title` }, heading),
        // True only when the script runs, so hidden until it does.
        ...([...citedFrom.values()].some((b) => b.length > 1)
          ? [h('p.backref-keys', { hidden: true }, 'The letters beside an entry lead back to each place this page cites it; they are one Tab stop, and the arrow keys move between them.')]
          : []),
        h('ol.reference-list', items),
      ],
    );
    // In place of rehype-citation's own list, or at the end when it was asked not to write one.
    if (refs) refs.parent.children.splice(refs.index, 1, section as RootContent & ElementContent);
    else tree.children.push(section as RootContent);
    file.data.referenceOrder = order;
  };
}
