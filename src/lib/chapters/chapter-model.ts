/**
 * The chapter model: one reading of a chapter's MDX, shared by everything that needs to know what a
 * chapter holds before (or besides) the build renders it. It parses with the same syntax the build
 * uses (remark-parse, remark-mdx, remark-gfm), once per distinct text, and gives:
 *
 * - sections: every h2 and h3 with its id (`{/* #id *\/}`, spaces inside the braces allowed), title,
 *   first and last line;
 * - boxes: elements with an id that act as sections of their own (`<aside id="key-points">`);
 * - blocks: each top-level paragraph, list item and table row with its section;
 * - passages: the text each citation group closes (everything since the previous group of the same
 *   section), with the group's keys, section and line;
 * - citations: every citation group and narrative `@key`, with its keys, line, column and section;
 * - links: every link target (Markdown links, link definitions, JSX `<a href>`), with its line;
 * - ids: every id the chapter's text gives (headings, JSX `id` attributes, `<Figure id>`).
 *
 * Lines count from the first line of the text given (frontmatter included, when there is one).
 * A text MDX cannot parse gives a model with `parseError` (line, column, reason) and nothing else.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { findCitationKeys, lineAndColumn } from '../bibliography/citation-keys.ts';
import { readHeadingId } from './heading-ids.ts';
import { cacheKey, cachedSync, codeHash } from '../site/build-cache.ts';

export interface SectionRef {
  /** The section's id; '' before the first heading (or for a heading without an id). */
  sectionId: string;
  sectionTitle: string;
}

export interface ChapterHeading {
  depth: number;
  id?: string;
  title: string;
  /** A trailing expression that is not an id comment. */
  malformed?: string;
  line: number;
  column: number;
}

export interface ChapterSection {
  depth: 2 | 3;
  /** '' when the heading has no id (the build reports it). */
  id: string;
  title: string;
  line: number;
  /** Last line of the section: the line before the next heading of the same or a higher level, or the chapter's last line. */
  endLine: number;
}

export interface ChapterBox {
  id: string;
  title: string;
  line: number;
  endLine: number;
}

export interface ChapterBlock extends SectionRef {
  /** The block's text, citation groups still in. */
  raw: string;
  line: number;
}

export interface CitedPassage extends SectionRef {
  /** The text the group closes, without citation groups. */
  text: string;
  keys: string[];
  /** Line of the citation group that closes it. */
  line: number;
}

export interface CitationGroup extends SectionRef {
  /** As written: "[@a; @b]", or "@a" for a narrative citation. */
  group: string;
  keys: string[];
  line: number;
  column: number;
}

export interface ChapterLink {
  href: string;
  line: number;
  column: number;
  /** Where the link was written: a Markdown link, a link definition, a JSX <a>, or a Markdown image. */
  kind: 'link' | 'definition' | 'jsx' | 'image';
}

export interface ChapterModel {
  source: string;
  /** The MDX syntax tree (frontmatter blanked out), absent when the text does not parse. */
  tree?: Root;
  parseError?: { line: number; column: number; reason: string };
  headings: ChapterHeading[];
  sections: ChapterSection[];
  boxes: ChapterBox[];
  blocks: ChapterBlock[];
  passages: CitedPassage[];
  citations: CitationGroup[];
  links: ChapterLink[];
  /** Every id the chapter's text gives, with the lines that give it. */
  ids: Map<string, number[]>;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The text with its YAML frontmatter replaced by empty lines, so line numbers stay those of the file. */
export function blankFrontmatter(source: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  return m ? m[0].replace(/[^\n]/g, '') + source.slice(m[0].length) : source;
}

/** MDX's JSX elements, as remark-mdx adds them to mdast. */
export type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
export type JsxAttributeNode = JsxElement['attributes'][number];
type JsxAttribute = Extract<JsxAttributeNode, { type: 'mdxJsxAttribute' }>;

export function isJsxElement(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** A JSX attribute's value when it is a plain string; undefined otherwise. */
export function jsxAttribute(node: JsxElement, name: string): string | undefined {
  const attr = node.attributes.find((a: JsxAttributeNode): a is JsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

/** The first JSX element named `name` below `node`, in document order. */
function firstElement(node: Parent, name: string): JsxElement | undefined {
  for (const child of node.children) {
    if (isJsxElement(child) && child.name === name) return child;
    if ('children' in child) {
      const found = firstElement(child as Parent, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** Citation groups in a block's text: brackets holding at least one "@". */
const CITATION_GROUP = /\[[^\]]*@[^\]]*\]/g;
const KEY = /@([\w:.#$%&+?<>~/-]+)/g;

/** Citation groups are not words of a passage. */
export function withoutCitations(text: string): string {
  return text.replace(/\s*\[[^\]]*@[^\]]*\]/g, '').replace(/\s+([.,;:])/g, '$1').replace(/\s+/g, ' ').trim();
}

function parse(source: string): ChapterModel {
  const model: ChapterModel = { source, headings: [], sections: [], boxes: [], blocks: [], passages: [], citations: [], links: [], ids: new Map() };
  const text = blankFrontmatter(source);
  const lines = text.split('\n');
  let tree: Root;
  try {
    tree = parser.parse(text) as Root;
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    model.parseError = { line: e.line ?? place?.line ?? 0, column: e.column ?? place?.column ?? 0, reason: e.reason ?? e.message ?? String(error) };
    return model;
  }
  model.tree = tree;
  const addId = (id: string, line: number) => model.ids.set(id, [...(model.ids.get(id) ?? []), line]);

  // Sections, headings and boxes, citations and links, in document order.
  let section: SectionRef = { sectionId: '', sectionTitle: '' };
  const walk = (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    const column = node.position?.start.column ?? 0;
    if (node.type === 'heading') {
      const reading = readHeadingId(node as Heading);
      model.headings.push({ depth: node.depth, id: reading.id, title: reading.title, malformed: reading.malformed, line, column });
      if (reading.id) addId(reading.id, line);
      if (node.depth === 2 || node.depth === 3) {
        model.sections.push({ depth: node.depth, id: reading.id ?? '', title: reading.title, line, endLine: 0 });
        section = { sectionId: reading.id ?? '', sectionTitle: reading.title };
      }
    }
    if (node.type === 'text') {
      const groups = new Map<number, CitationGroup>();
      for (const m of findCitationKeys(node.value)) {
        // findCitationKeys gives one match per key; a bracketed group is one entry with all its keys.
        const start = m.group.startsWith('[') ? node.value.lastIndexOf('[', m.index) : m.index;
        const known = groups.get(start);
        if (known) {
          known.keys.push(m.key);
          continue;
        }
        const offset = lineAndColumn(node.value, start);
        const at = line + offset.line - 1;
        // The text's offsets can run short of the source's (escapes, indentation): search from there.
        const approx = offset.line === 1 ? column - 1 + offset.column - 1 : offset.column - 1;
        const firstLine = m.group.split('\n')[0] ?? m.group;
        const found = (lines[at - 1] ?? '').indexOf(firstLine, Math.max(0, approx));
        const entry: CitationGroup = { group: m.group, keys: [m.key], line: at, column: (found >= 0 ? found : approx) + 1, ...section };
        groups.set(start, entry);
        model.citations.push(entry);
      }
    }
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
      model.links.push({ href: node.url, line, column, kind: node.type });
    }
    let box: ChapterBox | undefined;
    let outside: SectionRef | undefined;
    if (isJsxElement(node)) {
      const id = jsxAttribute(node, 'id');
      if (id) addId(id, line);
      const href = jsxAttribute(node, 'href');
      if (node.name === 'a' && href !== undefined) model.links.push({ href, line, column, kind: 'jsx' });
      if (node.name === 'aside' && id) {
        const titleElement = firstElement(node, 'p');
        box = { id, title: titleElement ? toString(titleElement).trim() || id : id, line, endLine: node.position?.end.line ?? line };
        model.boxes.push(box);
        outside = section;
        section = { sectionId: box.id, sectionTitle: box.title };
      }
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
    if (outside) section = outside;
  };
  walk(tree);

  const lastLine = lines.length;
  model.sections.forEach((s, i) => {
    const next = model.sections.slice(i + 1).find((n) => n.depth <= s.depth);
    s.endLine = next ? next.line - 1 : lastLine;
  });

  // Top-level blocks, and the passages their citation groups close.
  let current: SectionRef = { sectionId: '', sectionTitle: '' };
  const push = (node: RootContent) => {
    const raw = node.type === 'tableRow' ? node.children.map((cell) => toString(cell)).join(' · ') : toString(node);
    model.blocks.push({ ...current, raw, line: node.position?.start.line ?? 0 });
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      const reading = readHeadingId(node);
      current = { sectionId: reading.id ?? '', sectionTitle: reading.title };
    } else if (node.type === 'paragraph') push(node);
    else if (node.type === 'list') for (const item of node.children) push(item);
    else if (node.type === 'table') for (const row of node.children.slice(1)) push(row);
  }
  let sectionOfPending: string | undefined;
  let pending: string[] = [];
  for (const block of model.blocks) {
    if (block.sectionId !== sectionOfPending) {
      sectionOfPending = block.sectionId;
      pending = [];
    }
    let from = 0;
    for (const m of block.raw.matchAll(CITATION_GROUP)) {
      const at = m.index ?? 0;
      const passageText = withoutCitations([...pending, block.raw.slice(from, at)].join(' '));
      const keys = [...m[0].matchAll(KEY)].map((k) => (k[1] ?? '').replace(/[.,;:]+$/, ''));
      const line = block.line + (block.raw.slice(0, at).match(/\n/g)?.length ?? 0);
      model.passages.push({ sectionId: block.sectionId, sectionTitle: block.sectionTitle, text: passageText, keys, line });
      pending = [];
      from = at + m[0].length;
    }
    pending.push(block.raw.slice(from));
  }
  return model;
}

/**
 * Models kept for the whole process: a build loads this module more than once (the config's data
 * checks, the content loader and the page renderer each have a copy), and each copy finds the
 * chapters the others have parsed. The key is the text and the code of this module and what it
 * imports (build-cache.ts's codeHash), so a changed parser never returns an old model; where that
 * code cannot be read from the working folder, this copy keeps models of its own.
 */
const shared = globalThis as typeof globalThis & { __chapterModels?: Map<string, ChapterModel> };
const models = (shared.__chapterModels ??= new Map<string, ChapterModel>());
const MAX_MODELS = 1024;
let codeVersion: string | undefined;

function parserVersion(): string {
  if (codeVersion === undefined) {
    try {
      codeVersion = codeHash(['src/lib/chapters/chapter-model.ts']);
    } catch {
      codeVersion = `this copy ${Math.random().toString(36).slice(2)}`;
    }
  }
  return codeVersion;
}

/** A model as the build cache holds it (JSON: its id map as entries). */
type StoredModel = Omit<ChapterModel, 'ids'> & { ids: [string, number[]][] };

/** parse() through the build cache: a chapter parsed by an earlier build (with this same code) is read back, not parsed again. */
function storedParse(source: string): ChapterModel {
  const stored = cachedSync<StoredModel>({ namespace: 'chapter-model', inputs: cacheKey(source), code: ['src/lib/chapters/chapter-model.ts'] }, () => {
    const fresh = parse(source);
    return { ...fresh, ids: [...fresh.ids] };
  });
  return { ...stored, ids: new Map(stored.ids) };
}

/** The model of a chapter's text (with or without its frontmatter), parsed once per distinct text. */
export function chapterModel(source: string): ChapterModel {
  const key = `${parserVersion()}\0${source}`;
  let model = models.get(key);
  if (!model) {
    model = storedParse(source);
    if (models.size >= MAX_MODELS) models.delete(models.keys().next().value as string);
    models.set(key, model);
  }
  return model;
}

/** The ids of the chapter's h2 sections, in order. */
export function h2SectionIds(model: ChapterModel): string[] {
  return model.sections.filter((s) => s.depth === 2 && s.id).map((s) => s.id);
}

/** Every citation key with its section and line, one entry per key, in reading order. */
export function citedKeySites(model: ChapterModel): { key: string; sectionId: string; sectionTitle: string; line: number }[] {
  return model.citations.flatMap((c) => c.keys.map((key) => ({ key, sectionId: c.sectionId, sectionTitle: c.sectionTitle, line: c.line })));
}
