/**
 * Declared redirects for published URLs and anchors (content/redirects.yaml), and the anchor
 * contract: every published anchor must still exist or be redirected.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ContentDataError, readYaml, schemaIssues, type DataIssue, type YamlSource } from '../site/yaml-source.ts';

const sitePath = z.string().regex(/^\/([\w.-]+\/)*$/, 'a site path such as /serum-markers/ (leading and trailing "/")');
const anchorId = z.string().regex(/^[A-Za-z][\w:.-]*$/, 'an id such as il-7, without "#"');

export const redirectsSchema = z.strictObject({
  pages: z.array(z.strictObject({ from: sitePath, to: sitePath })).default([]),
  anchors: z
    .array(z.strictObject({ page: sitePath, from: anchorId, to: z.string().regex(/^(\/([\w.-]+\/)*)?#?[A-Za-z][\w:.-]*$|^\/([\w.-]+\/)*$/, 'a new id ("il-7") or a page and id ("/serum-markers/#il-7")') }))
    .default([]),
});
export type Redirects = z.infer<typeof redirectsSchema>;

/** What exists on the site, to check redirects against: page paths, and the ids of the pages whose ids are known. */
export interface RedirectTargets {
  pages?: ReadonlySet<string> | undefined;
  anchors?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

/** Mistakes in the redirects file, each with file, line and column. */
export class RedirectDataError extends ContentDataError {
  constructor(issues: readonly DataIssue[]) {
    super(issues, 'RedirectDataError');
  }
}

/** Where an anchor redirect leads: the page and the id ("" for a whole page). */
export function anchorTarget(r: Redirects['anchors'][number]): { page: string; id: string } {
  if (!r.to.includes('#')) return r.to.startsWith('/') ? { page: r.to, id: '' } : { page: r.page, id: r.to };
  const [page, id] = r.to.split('#') as [string, string];
  return { page: page || r.page, id };
}

/**
 * Every mistake of a redirects file that can be seen from the file and what the site holds: loops,
 * the same old URL or id sent two ways, a redirect from a page that still exists or to a page that
 * does not, and an anchor redirect to an id its page does not have (for the pages whose ids
 * `targets.anchors` knows).
 */
export function redirectIssues(redirects: Redirects, source: YamlSource, targets: RedirectTargets = {}): DataIssue[] {
  const issues: DataIssue[] = [];
  const line = (path: (string | number)[]) => source.position(path)?.line ?? 0;
  const lines = { pages: redirects.pages.map((_, i) => line(['pages', i])), anchors: redirects.anchors.map((_, i) => line(['anchors', i])) };
  for (const l of redirectLoops(redirects, lines)) issues.push(source.issue([l.kind, l.index], l.message));

  const isRedirected = (page: string) => redirects.pages.some((p) => p.from === page);
  // The same old address (or id) listed twice: once is a slip, two targets a contradiction.
  const repeated = (kind: 'pages' | 'anchors', i: number, key: string, to: string, before: number, other: string | undefined, what: string) =>
    source.issue(
      [kind, i, 'from'],
      other === to
        ? `the ${kind === 'anchors' ? 'anchor ' : ''}redirect from ${key} is listed twice (first at ${source.at([kind, before])}). Remove one.`
        : `${key} already redirects to ${other} at ${source.at([kind, before])}, and here to ${to}. An old ${what} leads to one place: keep the right one.`,
    );
  const firstPage = new Map<string, number>();
  redirects.pages.forEach((r, i) => {
    const before = firstPage.get(r.from);
    if (before !== undefined) issues.push(repeated('pages', i, r.from, r.to, before, redirects.pages[before]?.to, 'address'));
    else firstPage.set(r.from, i);
    if (targets.pages?.has(r.from)) {
      issues.push(source.issue(['pages', i, 'from'], `${r.from} is still a page of the site, so this redirect would never apply. Remove it, or remove the page first.`));
    }
    if (targets.pages && !targets.pages.has(r.to) && !isRedirected(r.to)) {
      issues.push(source.issue(['pages', i, 'to'], `the redirect from ${r.from} leads to ${r.to}, which is not a page of the site. Point it at the page where the content lives now (e.g. /serum-markers/).`));
    }
  });

  const firstAnchor = new Map<string, number>();
  redirects.anchors.forEach((r, i) => {
    const key = `${r.page}#${r.from}`;
    const before = firstAnchor.get(key);
    if (before !== undefined) issues.push(repeated('anchors', i, key, r.to, before, redirects.anchors[before]?.to, 'id'));
    else firstAnchor.set(key, i);
    if (targets.pages && !targets.pages.has(r.page) && !isRedirected(r.page)) {
      issues.push(source.issue(['anchors', i, 'page'], `${r.page} is not a page of the site, so this anchor redirect would never run. Name the page the old id was on.`));
    }
    const to = anchorTarget(r);
    if (targets.pages && to.page !== r.page && !targets.pages.has(to.page)) {
      issues.push(source.issue(['anchors', i, 'to'], `the anchor redirect from ${key} leads to the page ${to.page}, which is not a page of the site. Point it at a page and id that exist.`));
      return;
    }
    const ids = targets.anchors?.get(to.page);
    if (ids && to.id && !ids.has(to.id)) {
      issues.push(
        source.issue(
          ['anchors', i, 'to'],
          `the anchor redirect from ${key} leads to #${to.id}, which ${to.page} does not have. Point it at an id the page has (dist/anchors.json lists them after a build).`,
        ),
      );
    }
  });
  return issues;
}

/**
 * Parses and checks a redirects file; every mistake is reported at once, with file, line and
 * column. With `targets`, redirects are also checked against the site's pages and ids.
 */
export function parseRedirects(text: string, file: string, targets: RedirectTargets = {}): Redirects {
  const source = readYaml(text, file);
  const parsed = redirectsSchema.safeParse(source.data ?? {});
  if (!parsed.success) {
    throw new RedirectDataError(schemaIssues(source, parsed.error.issues, (path, message) => `"${path.join('.')}" ${message}. Fix that entry.`));
  }
  const issues = redirectIssues(parsed.data, source, targets);
  if (issues.length) throw new RedirectDataError(issues);
  return parsed.data;
}

export interface RedirectLoop {
  /** Line of the entry that closes the loop, 0 when unknown. */
  line: number;
  /** The list and the index of that entry. */
  kind: 'pages' | 'anchors';
  index: number;
  message: string;
}

/**
 * Redirects that lead back to where they started: a page that redirects (through any chain) to
 * itself, or an anchor of a page mapped (through any chain) back to itself. A reader following
 * one would never arrive, so each is reported once, at the entry that starts the cycle.
 */
export function redirectLoops(redirects: Redirects, lines: { pages: number[]; anchors: number[] } = { pages: [], anchors: [] }): RedirectLoop[] {
  const loops: RedirectLoop[] = [];
  const findCycles = (kind: RedirectLoop['kind'], edges: { from: string; to: string; line: number }[], describe: (chain: string[]) => string) => {
    const next = new Map(edges.map((e) => [e.from, e]));
    const reported = new Set<string>();
    edges.forEach((start, index) => {
      const chain = [start.from];
      let at = start.to;
      while (next.has(at) && !chain.includes(at)) {
        chain.push(at);
        at = (next.get(at) as { to: string }).to;
      }
      if (at !== start.from) return;
      const key = [...chain].sort().join(' ');
      if (reported.has(key)) return;
      reported.add(key);
      loops.push({ line: start.line, kind, index, message: `${describe([...chain, start.from])} Remove one of these redirects, or point it to where the content lives now.` });
    });
  };
  findCycles(
    'pages',
    redirects.pages.map((r, i) => ({ from: r.from, to: r.to, line: lines.pages[i] ?? 0 })),
    (chain) => `the page redirects form a loop: ${chain.join(' → ')}, so a reader following them never arrives.`,
  );
  const anchorEdges = redirects.anchors.map((r, i) => {
    const [toPage, toId] = r.to.includes('#') ? r.to.split('#') : ['', r.to];
    return { from: `${r.page}#${r.from}`, to: `${toPage || r.page}#${toId}`, line: lines.anchors[i] ?? 0 };
  });
  findCycles('anchors', anchorEdges, (chain) => `the anchor redirects form a loop: ${chain.join(' → ')}, so a reader following them never arrives.`);
  return loops;
}

const cache = new Map<string, Redirects>();
/** Reads and checks a redirects file once per process. */
export function loadRedirects(path: string, displayName = path, targets?: RedirectTargets): Redirects {
  let redirects = cache.get(path);
  if (!redirects) {
    redirects = parseRedirects(readFileSync(path, 'utf8'), displayName, targets);
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
  const target = (r: Redirects['anchors'][number]) => {
    const to = anchorTarget(r);
    return to.page === page && to.id ? `#${to.id}` : `${b}${to.page.slice(1)}${to.id ? `#${to.id}` : ''}`;
  };
  return Object.fromEntries(redirects.anchors.filter((r) => r.page === page).map((r) => [r.from, target(r)]));
}
