/**
 * What a chapter may contain, checked on the chapter model before anything is rendered. Chapter
 * content is an allowlist: Markdown (paragraphs, emphasis, lists, tables, quotes, code, headings from
 * h2 down with their id comments), citations, links, the project's own component `<Figure id>`, a
 * few text elements (and the key-points box), and MDX comments. Everything else is a mistake the
 * build reports with the file, the line (and column where known) and what to do.
 *
 * `chapterContentProblems` checks one chapter; `chapterFileProblems` checks the folder (files that
 * are not chapters, slugs that differ only in case). Both return every problem, so one build lists
 * them all. src/content.config.ts runs them when the chapters load.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { chapterModel, isJsxElement, jsxAttribute, type ChapterModel, type JsxElement } from './chapter-model.ts';
import { headingIdIssues } from './heading-ids.ts';
import { linkProblem, type LinkRuleTargets } from './link-rules.ts';
import { typewriterMarks } from './typography.ts';
import { CHAPTER_LAYOUT_IDS, GENERATED_ID_PREFIXES } from '../links/layout-ids.ts';
import type { AnchorsManifest, Redirects } from '../links/redirects.ts';

/** Ids of the key-points box, written in each chapter: no heading may take them. */
export const BOX_IDS = ['key-points', 'key-points-title'];
/** Prefix of figure ids (`<Figure id="fig-…">` and the ids the figure generates). */
export const FIGURE_ID_PREFIX = 'fig-';

/** Ids a chapter heading may not take, with who uses them. */
export function reservedHeadingIds(): Map<string, string> {
  return new Map([...CHAPTER_LAYOUT_IDS.map((id) => [id, 'the chapter template'] as [string, string]), ...BOX_IDS.map((id) => [id, 'the key-points box'] as [string, string])]);
}
/** Id prefixes a chapter heading may not take: generated reference, citation and figure ids. */
export const RESERVED_HEADING_PREFIXES = [...GENERATED_ID_PREFIXES, FIGURE_ID_PREFIX];

/** The site's own components a chapter may use, with the attributes each takes. */
export const CHAPTER_COMPONENTS: ReadonlyMap<string, { attributes: readonly string[]; required: readonly string[] }> = new Map([
  ['Figure', { attributes: ['id'], required: ['id'] }],
]);

/** HTML elements a chapter may write as JSX: text-level markup and the key-points box. */
export const CHAPTER_HTML_ELEMENTS = new Set([
  'aside', 'p', 'span', 'div', 'abbr', 'sub', 'sup', 'em', 'strong', 'b', 'i', 'br', 'small', 'mark', 'q', 'cite', 'dfn',
  'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Attributes those elements may carry (besides aria-*). */
const HTML_ATTRIBUTES = new Set(['id', 'className', 'class', 'title', 'lang', 'dir', 'role']);

/** Markdown node types a chapter may hold (MDX nodes are checked one by one). */
const MARKDOWN_TYPES = new Set([
  'root', 'paragraph', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'break', 'thematicBreak', 'blockquote',
  'list', 'listItem', 'table', 'tableRow', 'tableCell', 'heading', 'link', 'linkReference', 'definition', 'image',
]);

export const SCRIPT_MESSAGE =
  "a <script> element in a chapter. The site's Content-Security-Policy blocks inline scripts, so it would never run. Remove it; behaviour belongs in src/scripts/ (a small custom element), loaded by the layout.";

/** Why the source review cannot be cited in a chapter. */
export const REVIEW_UNCITABLE =
  'it is the review this site presents, which has no number in its own reference list and is named as the source on every page. Cite the reference the review gives for the claim instead.';

const LIST_OF_ALLOWED = 'Markdown, citations [@key], links, <Figure id="fig-…" /> and simple text elements';

export interface ChapterRuleContext {
  /** Every key of the bibliography. */
  knownKeys: ReadonlySet<string>;
  /** Keys that exist but may not be cited, with what to do instead. */
  uncitable?: ReadonlyMap<string, string>;
  /** The bibliography file, named in messages. */
  bibliographyFile: string;
  /** Pages and anchors of the site. */
  targets: LinkRuleTargets;
  /** Every anchor ever published, and where that list lives; with the redirects, the anchor contract. */
  published?: AnchorsManifest;
  publishedFile?: string;
  redirects?: Redirects;
  redirectsFile?: string;
  /** Slugs that are routes of the site, not chapters (their published anchors are not a chapter's). */
  notChapterSlugs?: ReadonlySet<string>;
}

/** An MDX expression that holds only comments (an editor's note, or a heading's id). */
function onlyComments(value: string): boolean {
  return value.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').trim() === '';
}

/** The fix for an MDX syntax error, from what the parser says. */
function syntaxFix(reason: string): string {
  if (/expression|brace|acorn/i.test(reason)) return 'Braces start an MDX expression: to write literal braces in prose, escape them as \\{ and \\} (for example \\{IL-6, IL-8\\}).';
  if (/before name|tag|closing|JSX|element/i.test(reason)) return 'A "<" starts an element in MDX: to write a literal "<" in prose, escape it as \\< (for example \\< 5 mm), and close every element you open.';
  return 'Fix the MDX syntax at that place.';
}

type Jsx = JsxElement;

/** Every problem of one chapter, each "file:line[:column]: what is wrong. What to do." */
export function chapterContentProblems(file: string, slug: string, source: string, context: ChapterRuleContext): string[] {
  const model = chapterModel(source);
  if (model.parseError) {
    const { line, column, reason } = model.parseError;
    return [`${file}:${line}:${column}: MDX cannot read the chapter here: ${reason.replace(/\.?$/, '.')} ${syntaxFix(reason)}`];
  }
  const at = (line: number, column?: number) => `${file}:${line}${column ? `:${column}` : ''}`;
  const problems: { line: number; message: string }[] = [];
  const report = (line: number, column: number | undefined, message: string) => problems.push({ line, message: `${at(line, column)}: ${message}` });
  contentProblems(model, report);
  idProblems(model, report);
  for (const link of model.links) {
    if (link.kind === 'image') continue;
    const problem = linkProblem(link.href, context.targets, new Set([...CHAPTER_LAYOUT_IDS, ...model.ids.keys()]));
    // Line only, as the rehype plugin that checks the rendered links reports them.
    if (problem) report(link.line, undefined, problem);
  }
  citationProblems(model, context, report);
  const sorted = problems.sort((a, b) => a.line - b.line).map((p) => p.message);
  return [...sorted, ...publishedAnchorProblems(model, file, slug, context)];
}

type Report = (line: number, column: number | undefined, message: string) => void;

function contentProblems(model: ChapterModel, report: Report): void {
  const tree = model.tree as Root;
  const headingIdExpressions = new Set<unknown>();
  const walk = (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    const column = node.position?.start.column;
    if (node.type === 'heading') {
      const last = node.children.at(-1);
      if (last?.type === 'mdxTextExpression') headingIdExpressions.add(last);
      if (node.depth === 1) {
        report(line, column, 'an h1 ("# …") in a chapter. The page already has its h1, the chapter\'s title from the frontmatter. Make it an h2: "## Title {/* #an-id */}".');
      }
    }
    if (node.type === 'text') for (const p of typewriterMarks(node.value, line, column ?? 1)) report(p.line, p.column, p.message);
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      if (!headingIdExpressions.has(node) && !onlyComments(node.value)) {
        const shown = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
        report(line, column, `"{${shown}}" is an MDX expression, which a chapter may not compute (it would run, or throw, when the page is built). If you meant literal braces in prose, escape them as \\{ and \\}: "\\{${shown}\\}".`);
      }
      return;
    }
    if (node.type === 'mdxjsEsm') {
      report(line, column, 'an import or export in a chapter. Chapters compute nothing: <Figure id="fig-…" /> needs no import, and data belongs in content/*.yaml. Remove it.');
      return;
    }
    if (isJsxElement(node)) {
      if (!jsxProblems(node, report)) return;
    } else if (node.type === 'image') {
      if (!node.alt?.trim()) report(line, column, `the image "${node.url}" has no alt text, so screen-reader users get nothing. Describe it: ![what it shows](${node.url}); a teaching figure belongs in content/figures.yaml, placed with <Figure id="fig-…" />.`);
      if (!node.url.startsWith('/') || node.url.startsWith('//')) {
        report(line, column, `the image "${node.url}" is not a file of this site: the Content-Security-Policy blocks images from other sites, and they may change or vanish. Put the file in public/ and write its path from the site root, or make it a figure (content/figures.yaml, <Figure id="fig-…" />).`);
      }
    } else if (!MARKDOWN_TYPES.has(node.type)) {
      const what = node.type === 'html' ? 'raw HTML' : node.type === 'footnoteReference' || node.type === 'footnoteDefinition' ? 'a footnote' : `"${node.type}"`;
      report(line, column, `${what} is not something a chapter may contain (${LIST_OF_ALLOWED}). ${node.type.startsWith('footnote') ? 'Cite with [@key] and write notes into the text.' : 'Remove it or write it as Markdown.'}`);
      return;
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(tree);
}

/** Reports what is wrong with one JSX element; true when its children should be checked too. */
function jsxProblems(node: Jsx, report: Report): boolean {
  const line = node.position?.start.line ?? 0;
  const column = node.position?.start.column;
  const name = node.name;
  if (!name) {
    report(line, column, `a JSX fragment "<>" in a chapter. Write its content without it.`);
    return true;
  }
  const lower = name.toLowerCase();
  if (lower === 'script') {
    report(line, column, SCRIPT_MESSAGE);
    return false;
  }
  if (lower === 'style') {
    report(line, column, "an inline <style> element in a chapter. The site's Content-Security-Policy blocks inline styles, so it would never apply. Remove it; styles belong in src/styles/.");
    return false;
  }
  if (lower === 'iframe' || lower === 'frame' || lower === 'object' || lower === 'embed') {
    report(line, column, `an <${name}> in a chapter: it would show another site inside this one, which the Content-Security-Policy blocks. Link to it instead: [what it is](https://…).`);
    return false;
  }
  if (['img', 'picture', 'video', 'audio', 'svg', 'canvas', 'source'].includes(lower)) {
    report(line, column, `an <${name}> element in a chapter. Images in chapters are figures: add it to content/figures.yaml and place it with <Figure id="fig-…" />.`);
    return false;
  }
  if (name === 'h1') {
    report(line, column, 'an <h1> in a chapter. The page already has its h1, the chapter\'s title from the frontmatter. Make it a Markdown h2: "## Title {/* #an-id */}".');
    return false;
  }
  const component = CHAPTER_COMPONENTS.get(name);
  if (!component && !CHAPTER_HTML_ELEMENTS.has(name)) {
    report(line, column, `<${name}> is not something a chapter may contain (${LIST_OF_ALLOWED}: ${[...CHAPTER_COMPONENTS.keys()].map((c) => `<${c}>`).join(', ')}, <${[...CHAPTER_HTML_ELEMENTS].join('>, <')}>). Remove it, or write it as Markdown.`);
    return false;
  }
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      report(line, column, `<${name} {${attr.value}}> spreads computed attributes. Write each attribute as name="value".`);
      continue;
    }
    if (/^on/i.test(attr.name)) {
      report(line, column, `the inline event handler ${attr.name} on <${name}>. The site's Content-Security-Policy blocks inline handlers, so it would never run. Remove it; behaviour belongs in src/scripts/.`);
      continue;
    }
    if (attr.name === 'style') {
      report(line, column, `an inline style="…" on <${name}>. The site's Content-Security-Policy blocks inline styles, so it would never apply. Remove it; give the element a className and style it in src/styles/.`);
      continue;
    }
    const allowed = component ? component.attributes.includes(attr.name) : HTML_ATTRIBUTES.has(attr.name) || attr.name.startsWith('aria-') || (name === 'a' && attr.name === 'href');
    if (!allowed) {
      report(line, column, `<${name}> may not carry the attribute "${attr.name}" in a chapter (it takes ${component ? component.attributes.join(', ') : `${[...HTML_ATTRIBUTES].join(', ')}, aria-*${name === 'a' ? ', href' : ''}`}). Remove it.`);
      continue;
    }
    if (attr.value !== null && typeof attr.value !== 'string') {
      report(line, column, `the attribute ${attr.name}={…} on <${name}> is computed. Write it as a plain string: ${attr.name}="…".`);
    }
  }
  for (const required of component?.required ?? []) {
    if (jsxAttribute(node, required) === undefined) report(line, column, `<${name}> needs ${required}="…" (for a figure, its id in content/figures.yaml: <Figure id="fig-…" />).`);
  }
  if (/^h[2-6]$/.test(name) && !jsxAttribute(node, 'id')) {
    report(line, column, `a JSX <${name}> without an id escapes the stable-id rule: links to it could not survive edits. Write it in Markdown with its id, "${'#'.repeat(Number(name[1]))} Title {/* #an-id */}".`);
  }
  return true;
}

/** Heading ids (the same rules as the build's plugin), and ids given twice by elements and figures. */
function idProblems(model: ChapterModel, report: Report): void {
  const reserved = reservedHeadingIds();
  for (const issue of headingIdIssues(model.headings, { require: [2, 3], reserved, reservedPrefixes: RESERVED_HEADING_PREFIXES })) report(issue.line, undefined, issue.message);
  type Site = { id: string; line: number; kind: 'heading' | 'element' | 'figure'; name: string };
  const sites: Site[] = [];
  for (const h of model.headings) if (h.id) sites.push({ id: h.id, line: h.line, kind: 'heading', name: `h${h.depth}` });
  const walk = (node: Nodes) => {
    if (isJsxElement(node) && node.name) {
      const id = jsxAttribute(node, 'id');
      if (id) sites.push({ id, line: node.position?.start.line ?? 0, kind: node.name === 'Figure' ? 'figure' : 'element', name: node.name });
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(model.tree as Root);
  sites.sort((a, b) => a.line - b.line);
  const layout = new Set(CHAPTER_LAYOUT_IDS);
  const seen = new Map<string, Site>();
  for (const site of sites) {
    const first = seen.get(site.id);
    if (site.kind === 'heading') {
      const headingReported = reserved.has(site.id) || RESERVED_HEADING_PREFIXES.some((p) => site.id.startsWith(p)) || first?.kind === 'heading';
      if (first && !headingReported) report(site.line, undefined, `the id "#${site.id}" of this heading is already the id of the <${first.name}> at line ${first.line}. Ids must be unique on a page: choose another id.`);
    } else if (layout.has(site.id) || GENERATED_ID_PREFIXES.some((p) => site.id.startsWith(p))) {
      report(site.line, undefined, `the id "${site.id}" of <${site.name}> is used by the page layout. Choose another id.`);
    } else if (first && site.kind === 'figure' && first.kind === 'figure') {
      report(site.line, undefined, `<Figure id="${site.id}" /> is placed a second time (first at line ${first.line}); the page would hold its ids twice. Place each figure once, and refer to it elsewhere with a link: [the figure](#${site.id}).`);
    } else if (first) {
      report(site.line, undefined, `the id "${site.id}" of <${site.name}> is already used at line ${first.line}. Ids must be unique on a page: choose another id.`);
    }
    if (!first) seen.set(site.id, site);
  }
}

/** Unknown or uncitable keys, keys separated by commas, and citations written without "@". */
function citationProblems(model: ChapterModel, context: ChapterRuleContext, report: Report): void {
  const lowerKeys = new Map([...context.knownKeys].map((k) => [k.toLowerCase(), k]));
  for (const c of model.citations) {
    for (const key of c.keys) {
      const reason = context.uncitable?.get(key);
      if (reason) report(c.line, undefined, `"${key}" in ${c.group} cannot be cited: ${reason}`);
      else if (!context.knownKeys.has(key)) {
        const near = lowerKeys.get(key.toLowerCase());
        report(c.line, undefined, `unknown citation key "${key}" in ${c.group}. Every key must be an entry of ${context.bibliographyFile}: fix the spelling${near ? ` (did you mean "${near}"?)` : ''}, or add the entry there.`);
      }
    }
    if (c.group.startsWith('[') && /,\s*@/.test(c.group)) {
      const fixed = c.group.replace(/\s*,\s*(?=@)/g, '; ');
      report(c.line, c.column, `the citation ${c.group} separates its keys with a comma, which the citation processor cannot read. Separate keys with a semicolon: ${fixed}.`);
    }
  }
  // Bracketed text whose every part is a key of the bibliography: a citation without "@".
  const walk = (node: Nodes) => {
    if (node.type === 'text') {
      for (const m of node.value.matchAll(/\[([^[\]@]+)\]/g)) {
        const parts = (m[1] ?? '').split(/[;,]/).map((p) => p.trim());
        const keys = parts.map((p) => lowerKeys.get(p.toLowerCase()));
        if (!parts.length || keys.some((k) => !k)) continue;
        const offset = node.value.slice(0, m.index ?? 0).split('\n');
        const line = (node.position?.start.line ?? 0) + offset.length - 1;
        const source = model.source.split('\n')[line - 1] ?? '';
        const found = source.indexOf(m[0]);
        report(line, found >= 0 ? found + 1 : undefined, `the text ${m[0]} names ${keys.length === 1 ? 'a key' : 'keys'} of the bibliography without "@", so it would print as literal text, not as a citation. Did you mean [${keys.map((k) => `@${k}`).join('; ')}]?`);
      }
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(model.tree as Root);
}

/** Published anchors of this chapter that are gone without a redirect, each with the redirect to add. */
function publishedAnchorProblems(model: ChapterModel, file: string, slug: string, context: ChapterRuleContext): string[] {
  const page = `/${slug}/`;
  const published = context.published?.[page];
  if (!published || context.notChapterSlugs?.has(slug)) return [];
  const current = new Set([...CHAPTER_LAYOUT_IDS, ...model.ids.keys()]);
  const redirected = new Set((context.redirects?.anchors ?? []).filter((r) => r.page === page).map((r) => r.from));
  // Ids the citation plugins and templates generate come and go with the citations, not with the text.
  // So do the ids a figure generates inside itself ("fig-x-steps-title" of "fig-x"): the figure's own id stands for them.
  const figures = Object.keys(published).filter((id) => id.startsWith(FIGURE_ID_PREFIX));
  const ids = Object.keys(published).filter((id) => !GENERATED_ID_PREFIXES.some((p) => id.startsWith(p)) && !figures.some((f) => f !== id && id.startsWith(`${f}-`)));
  const problems: string[] = [];
  ids.forEach((id, i) => {
    if (current.has(id) || redirected.has(id)) return;
    const next = ids.slice(i + 1).find((later) => model.sections.some((s) => s.id === later)) ?? model.sections.find((s) => s.depth === 2 && s.id)?.id ?? 'contents';
    problems.push(
      `${file}: the id "#${id}" ("${published[id]}") was published at ${page}#${id} (${context.publishedFile ?? 'the published anchors'}) and is gone, so every link to it breaks. ` +
        `Restore it (a heading ending {/* #${id} */}), or say where it went in ${context.redirectsFile ?? 'content/redirects.yaml'} under "anchors:", for example:\n  - { page: ${page}, from: ${id}, to: ${next} }`,
    );
  });
  return problems;
}

export interface FolderEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * Files in the chapters folder that are not chapters (anything but .mdx, folders), and slugs that
 * are not URLs or that differ from another only in case. Names starting with "." (editor and
 * system files) are not content and are left alone.
 */
export function chapterFileProblems(dir: string, entries: readonly FolderEntry[]): string[] {
  const folder = dir.replace(/\/+$/, '');
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory) {
      problems.push(`${path}/: a folder inside the chapters folder, which the site never reads. Chapters are .mdx files directly in ${folder}/: move them up, or move the folder out.`);
      continue;
    }
    if (!entry.name.endsWith('.mdx')) {
      const stem = entry.name.replace(/\.[^.]*$/, '');
      problems.push(`${path}: not a chapter (only .mdx files in ${folder}/ are chapters), so it would be left out without a word. Rename it to ${stem}.mdx if it is a chapter, or move it out of ${folder}/.`);
      continue;
    }
    const slug = entry.name.slice(0, -'.mdx'.length);
    const key = slug.toLowerCase();
    const other = bySlug.get(key);
    if (other) {
      problems.push(`${path}: its slug "${slug}" differs from ${folder}/${other}.mdx only in case, so both would claim the URL /${key}/ and one would vanish. Merge the two files, or give one a slug of its own.`);
      continue;
    }
    bySlug.set(key, slug);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
      const suggestion = key.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
      problems.push(`${path}: the slug "${slug}" is the chapter's URL, and chapter URLs use lowercase letters, digits and hyphens. Rename the file to ${suggestion || 'a-slug'}.mdx.`);
    }
  }
  return problems;
}
