/**
 * Declared redirects for published URLs and anchors (content/redirects.yaml), and the anchor
 * contract: every published anchor must still exist or be redirected.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LineCounter, parse, parseDocument, isMap, isNode, isSeq } from 'yaml';

const sitePath = z.string().regex(/^\/([\w.-]+\/)*$/, 'a site path such as /serum-markers/ (leading and trailing "/")');
const anchorId = z.string().regex(/^[A-Za-z][\w:.-]*$/, 'an id such as il-7, without "#"');

export const redirectsSchema = z.strictObject({
  pages: z.array(z.strictObject({ from: sitePath, to: sitePath })).default([]),
  anchors: z
    .array(z.strictObject({ page: sitePath, from: anchorId, to: z.string().regex(/^(\/([\w.-]+\/)*)?#?[A-Za-z][\w:.-]*$|^\/([\w.-]+\/)*$/, 'a new id ("il-7") or a page and id ("/serum-markers/#il-7")') }))
    .default([]),
});
export type Redirects = z.infer<typeof redirectsSchema>;

export function parseRedirects(text: string, file: string): Redirects {
  const parsed = redirectsSchema.safeParse(parse(text) ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`${file}: "${i?.path.join('.')}" ${i?.message}. Fix that entry.`);
  }
  const loops = redirectLoops(parsed.data, entryLines(text));
  if (loops.length) throw new Error(loops.map((l) => `${file}${l.line ? `:${l.line}` : ''}: ${l.message}`).join('\n'));
  return parsed.data;
}

/** 1-based line of each entry of `pages` and `anchors`, in file order. */
function entryLines(text: string): { pages: number[]; anchors: number[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lines = (name: string) => {
    const seq = isMap(doc.contents) ? doc.contents.get(name, true) : undefined;
    return isSeq(seq) ? seq.items.map((item) => (isNode(item) && item.range ? counter.linePos(item.range[0]).line : 0)) : [];
  };
  return { pages: lines('pages'), anchors: lines('anchors') };
}

export interface RedirectLoop {
  /** Line of the entry that closes the loop, 0 when unknown. */
  line: number;
  message: string;
}

/**
 * Redirects that lead back to where they started: a page that redirects (through any chain) to
 * itself, or an anchor of a page mapped (through any chain) back to itself. A reader following
 * one would never arrive, so each is reported once, at the entry that starts the cycle.
 */
export function redirectLoops(redirects: Redirects, lines: { pages: number[]; anchors: number[] } = { pages: [], anchors: [] }): RedirectLoop[] {
  const loops: RedirectLoop[] = [];
  const findCycles = (edges: { from: string; to: string; line: number }[], describe: (chain: string[]) => string) => {
    const next = new Map(edges.map((e) => [e.from, e]));
    const reported = new Set<string>();
    for (const start of edges) {
      const chain = [start.from];
      let at = start.to;
      while (next.has(at) && !chain.includes(at)) {
        chain.push(at);
        at = (next.get(at) as { to: string }).to;
      }
      if (at !== start.from) continue;
      const key = [...chain].sort().join(' ');
      if (reported.has(key)) continue;
      reported.add(key);
      loops.push({ line: start.line, message: `${describe([...chain, start.from])} Remove one of these redirects, or point it to where the content lives now.` });
    }
  };
  findCycles(
    redirects.pages.map((r, i) => ({ from: r.from, to: r.to, line: lines.pages[i] ?? 0 })),
    (chain) => `the page redirects form a loop: ${chain.join(' → ')}, so a reader following them never arrives.`,
  );
  const anchorEdges = redirects.anchors.map((r, i) => {
    const [toPage, toId] = r.to.includes('#') ? r.to.split('#') : ['', r.to];
    return { from: `${r.page}#${r.from}`, to: `${toPage || r.page}#${toId}`, line: lines.anchors[i] ?? 0 };
  });
  findCycles(anchorEdges, (chain) => `the anchor redirects form a loop: ${chain.join(' → ')}, so a reader following them never arrives.`);
  return loops;
}

const cache = new Map<string, Redirects>();
/** Reads and checks a redirects file once per process. */
export function loadRedirects(path: string, displayName = path): Redirects {
  let redirects = cache.get(path);
  if (!redirects) {
    redirects = parseRedirects(readFileSync(path, 'utf8'), displayName);
    cache.set(path, redirects);
  }
  return redirects;
}

/** Page URL -> { anchor id -> heading or label }. */
export type AnchorsManifest = Record<string, Record<string, string>>;

export interface BrokenAnchor {
  page: string;
  anchor: string;
  label: string;
}

/** The published anchors that no longer resolve and have no declared redirect. */
export function brokenAnchors(published: AnchorsManifest, current: AnchorsManifest, redirects: Redirects): BrokenAnchor[] {
  const movedPage = new Map(redirects.pages.map((r) => [r.from, r.to]));
  const broken: BrokenAnchor[] = [];
  for (const [page, anchors] of Object.entries(published)) {
    const target = movedPage.get(page) ?? page;
    const live = current[target];
    for (const [anchor, label] of Object.entries(anchors)) {
      if (live && anchor in live) continue;
      const mapped = redirects.anchors.find((r) => (r.page === page || r.page === target) && r.from === anchor);
      if (mapped) {
        const [toPage, toId] = mapped.to.includes('#') ? mapped.to.split('#') : [target, mapped.to];
        if (current[toPage || target]?.[toId ?? ''] !== undefined) continue;
      }
      broken.push({ page, anchor, label });
    }
  }
  return broken;
}

/**
 * The anchor map one page needs: old id -> new target, "#new" on the same page, or "/base/page/#new"
 * when the section moved to another page (`base` is the site's base path, e.g. "/review/").
 */
export function anchorRedirectsFor(page: string, redirects: Redirects, base = '/'): Record<string, string> {
  const b = base.endsWith('/') ? base : `${base}/`;
  const target = (to: string) => (!to.includes('#') ? `#${to}` : to.startsWith('/') ? `${b}${to.slice(1)}` : to);
  return Object.fromEntries(redirects.anchors.filter((r) => r.page === page).map((r) => [r.from, target(r.to)]));
}
