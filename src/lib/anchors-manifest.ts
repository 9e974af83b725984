/**
 * The anchors a page publishes: its sections, figures and reference entries, with their headings.
 * Read from built HTML, so the manifest says what readers can actually link to.
 */
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';

const PUBLISHED = 'main h2[id], main h3[id], main figure[id], main li[id], main section[id], main p[id]';

export function pageAnchors(html: string): Record<string, string> {
  const tree = fromHtml(html);
  const inSvg = new Set<Element>(selectAll('svg *', tree));
  const anchors: Record<string, string> = {};
  for (const el of selectAll(PUBLISHED, tree)) {
    const id = String(el.properties?.['id'] ?? '');
    if (!id || id.startsWith('citation--') || inSvg.has(el)) continue;
    anchors[id] = toString(el).replace(/\s+/g, ' ').trim().slice(0, 100);
  }
  return anchors;
}
