/**
 * A chapter's rendered HTML cut into its h2 sections, and one section made into a stand-alone
 * page body for embedding: the section's text with its citations, and a reference list holding
 * only the entries that section cites (numbered as in the chapter, so the numbers in the text match).
 * Pure functions on hast.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { chapterModel, h2SectionIds } from '../chapters/chapter-model.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

export interface ChapterSection {
  id: string;
  title: string;
  /** The heading (with its wrapper) and every top-level node up to the next h2 or the reference list. */
  nodes: RootContent[];
}

export interface SplitChapter {
  sections: ChapterSection[];
  /** The chapter's reference list (`section#references`), if it has one. */
  references: Element | undefined;
}

const isElement = (n: RootContent | ElementContent | undefined): n is Element => n?.type === 'element';

/** The h2 a top-level node starts a section with: a bare h2 or the section-link wrapper around one. */
function h2Of(node: RootContent): Element | undefined {
  if (!isElement(node)) return undefined;
  if (node.tagName === 'h2') return node;
  if (node.tagName === 'div' && ([node.properties?.['className']].flat().map(String)).includes('heading-wrap')) {
    const first = node.children.find(isElement);
    return first?.tagName === 'h2' ? first : undefined;
  }
  return undefined;
}

/** Cuts a chapter's rendered content (the HTML of its MDX body) at each h2 that has an id. */
export function splitChapter(html: string): SplitChapter {
  const tree = fromHtml(html, { fragment: true });
  const sections: ChapterSection[] = [];
  let references: Element | undefined;
  let current: ChapterSection | undefined;
  for (const node of tree.children) {
    if (isElement(node) && node.tagName === 'section' && node.properties?.['id'] === 'references') {
      references = node;
      current = undefined;
      continue;
    }
    const h2 = h2Of(node);
    const id = h2?.properties?.['id'];
    if (h2 && typeof id === 'string') {
      current = { id, title: toString(h2).trim(), nodes: [node] };
      sections.push(current);
    } else if (current) {
      current.nodes.push(node);
    }
  }
  return { sections, references };
}

/** The section with this id, or an error naming the ids there are. */
export function sectionById(split: SplitChapter, id: string, chapter: string): ChapterSection {
  const found = split.sections.find((s) => s.id === id);
  if (!found) throw new Error(`Chapter "${chapter}" has no h2 section "${id}"; its sections are: ${split.sections.map((s) => s.id).join(', ') || 'none'}.`);
  return found;
}

export interface EmbedOptions {
  /** The chapter's URL (with base path), e.g. "/serum-markers/": links to the rest of the chapter point there. */
  chapterHref: string;
}

export interface EmbeddedSection {
  id: string;
  title: string;
  /** The section's HTML: heading and text, citations linking to the entries below. */
  html: string;
  /** The section's own reference list (`<ol>` of the entries it cites), or '' when it cites nothing. */
  referencesHtml: string;
  /** How many distinct references the section cites. */
  referenceCount: number;
}

/** A deep copy of a hast node, without source positions (a fraction of structuredClone's time). */
function clone<T extends Root | RootContent>(node: T): T {
  const { position: _position, ...rest } = node as T & { position?: unknown };
  const copy = { ...rest } as T & { children?: (Root | RootContent)[]; properties?: Record<string, unknown> };
  if ('properties' in node && node.properties) {
    copy.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  }
  if ('children' in node && node.children) copy.children = node.children.map((c) => clone(c as RootContent));
  // A <template>'s content is a tree of its own.
  const content = (node as { content?: Root }).content;
  if (content) (copy as { content?: Root }).content = clone(content);
  return copy;
}

/** Removes every element matching `test` below `parent`. */
function removeWhere(parent: Root | Element, test: (el: Element) => boolean): void {
  parent.children = parent.children.filter((c) => !(isElement(c) && test(c))) as typeof parent.children;
  for (const c of parent.children) if (isElement(c)) removeWhere(c, test);
}

/**
 * One section as a stand-alone page body, its headings one level up (the h2 is the page's h1).
 * Section-link controls are dropped (they would copy the
 * embed page's own address); links to elsewhere in the chapter point to the chapter; every link
 * that leaves the page opens in a new tab, so a reader is never stuck inside a course page's frame.
 */
export function embedSection(section: ChapterSection, references: Element | undefined, { chapterHref }: EmbedOptions): EmbeddedSection {
  const body: Root = { type: 'root', children: section.nodes.map(clone) };
  removeWhere(body, (el) => el.tagName === 'section-link' || [el.properties?.['className']].flat().includes('section-address'));
  // The embed page is a document of its own: the section's h2 becomes its h1, h3 its h2, and so on.
  const promote = (el: Root | Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      const level = /^h([2-6])$/.exec(c.tagName)?.[1];
      if (level) c.tagName = `h${Number(level) - 1}`;
      promote(c);
    }
  };
  promote(body);

  // Every key of every citation group, including those a range such as "49–51" shows no number for
  // (the group's data-cites names them all), so the list and the previews hold 50 too.
  const citedIds = new Set(
    selectAll('.citation', body).flatMap((c) => {
      const keys = String(c.properties?.['dataCites'] ?? '').split(/\s+/).filter(Boolean);
      if (!keys.length) throw new Error(`Section "${section.id}" has a citation with no data-cites: the reference-list plugin writes it on every group.`);
      return keys.map((k) => `bib-${k}`);
    }),
  );
  let list: Element | undefined;
  const sourceList = references ? select('ol', references) : undefined;
  if (sourceList) {
    list = clone(sourceList);
    list.children = list.children.filter((li) => isElement(li) && citedIds.has(String(li.properties?.['id'])));
    const missing = [...citedIds].filter((id) => !list?.children.some((li) => isElement(li) && li.properties?.['id'] === id));
    if (missing.length) throw new Error(`Section "${section.id}" cites ${missing.map((m) => `#${m}`).join(', ')}, which the chapter's reference list lacks.`);
  } else if (citedIds.size) {
    throw new Error(`Section "${section.id}" has citations but the chapter has no reference list to take them from.`);
  }

  const pageIds = new Set<string>();
  const collectIds = (el: Root | Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      const id = c.properties?.['id'];
      if (typeof id === 'string') pageIds.add(id);
      collectIds(c);
    }
  };
  collectIds(body);
  if (list) {
    // Back-links return only to citations on this page.
    for (const a of selectAll('a.backref', list)) {
      const target = String(a.properties?.['href'] ?? '').slice(1);
      if (!pageIds.has(target)) a.properties['data-drop'] = '';
    }
    removeWhere(list, (el) => el.properties?.['data-drop'] === '');
    collectIds(list);
  }

  const retarget = (root: Root | Element) => {
    for (const a of selectAll('a[href]', root)) {
      const href = String(a.properties['href']);
      if (href.startsWith('#') && pageIds.has(decodeURIComponent(href.slice(1)))) continue;
      a.properties['href'] = href.startsWith('#') ? `${chapterHref}${href}` : href;
      a.properties['target'] = '_blank';
      const rel = new Set([...(Array.isArray(a.properties['rel']) ? a.properties['rel'].map(String) : []), 'noopener']);
      a.properties['rel'] = [...rel];
    }
  };
  retarget(body);
  if (list) retarget(list);

  return {
    id: section.id,
    title: section.title,
    html: toHtml(body),
    referencesHtml: list && list.children.length ? toHtml(list) : '',
    referenceCount: list?.children.length ?? 0,
  };
}

/** The ids of a chapter's own h2 sections, read from its MDX source through the chapter model, in order. */
export function chapterSectionIds(body: string): string[] {
  return h2SectionIds(chapterModel(body));
}

/** The chapters last cut (by a hash of their HTML), so that the sections of one chapter share one cut. */
const cuts = new Map<string, SplitChapter>();

/**
 * One section of a rendered chapter as a stand-alone page body (embedSection), through the build
 * cache: a chapter rendered as before gives its sections back without being parsed again; a chapter
 * parsed here is parsed once for all its sections.
 */
export function cachedEmbedSection(chapterHtml: string, sectionId: string, chapterId: string, options: EmbedOptions): EmbeddedSection {
  const html = cacheKey(chapterHtml);
  return cachedSync({ namespace: 'embed-section', inputs: cacheKey(html, sectionId, chapterId, options), code: ['src/lib/teaching/sections.ts'] }, () => {
    let split = cuts.get(html);
    if (!split) {
      split = splitChapter(chapterHtml);
      if (cuts.size >= 8) cuts.delete(cuts.keys().next().value as string);
      cuts.set(html, split);
    }
    return embedSection(sectionById(split, sectionId, chapterId), split.references, options);
  });
}
