/**
 * The text Pagefind indexes on a page: every [data-pagefind-body] region without its
 * [data-pagefind-ignore] parts (and without any extra excluded selectors). The search vocabulary is
 * built from it, so a correction only ever leads to words the index can find. Pure (the cached form
 * keeps its answers in the build cache).
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll, matches } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root, Parent } from 'hast';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

function prune(node: Parent, drop: string[]): void {
  node.children = node.children.filter((child) => !(child.type === 'element' && drop.some((s) => matches(s, child as Element))));
  for (const child of node.children) if ('children' in child) prune(child as Parent, drop);
}

export function indexedText(html: string, excludeSelectors: readonly string[] = []): string {
  const tree: Root = fromHtml(html);
  const drop = ['[data-pagefind-ignore]', 'script', 'style', 'template', ...excludeSelectors];
  return selectAll('[data-pagefind-body]', tree)
    .map((body) => {
      const copy = structuredClone(body);
      prune(copy, drop);
      return toString(copy);
    })
    .join('\n');
}

/** indexedText through the build cache: a page built as before is not parsed again. */
export function cachedIndexedText(html: string, excludeSelectors: readonly string[] = []): string {
  return cachedSync({ namespace: 'indexed-text', inputs: cacheKey(html, excludeSelectors), code: ['src/lib/search/indexed-text.ts'] }, () => indexedText(html, excludeSelectors));
}
