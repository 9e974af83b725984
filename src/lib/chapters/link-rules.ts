/**
 * What a link written in a chapter may be, as one function: the build's check on the chapter model
 * and the rehype plugin that adds the base path (src/plugins/rehype-internal-links.ts) both ask it,
 * so they agree and print the same message.
 *
 * - `https:`, `http:` and `mailto:` links leave the site and are not checked further;
 * - links inside the site are written from its root (`/serum-markers/#il-7`): a relative link
 *   (`serum-markers/#il-7`) is refused, never resolved, because it would depend on the page it sits
 *   on and break under a base path;
 * - a link to a page names a page of the site, and its anchor an id that page has; a link into
 *   /references/ names an entry, by its key;
 * - `javascript:` and any other scheme are refused.
 */

export interface LinkRuleTargets {
  /** Site paths that exist, e.g. "/serum-markers/". */
  pages: ReadonlySet<string>;
  /** Ids a page is known to have (chapters, /references/); undefined skips the anchor check. */
  anchorsOf: (path: string) => ReadonlySet<string> | undefined;
  /** The bibliography file, named when a link into /references/ names no entry. */
  bibliographyFile?: string;
}

/** Ids the citation plugins generate on every chapter page. */
const GENERATED_SAME_PAGE = ['citation--', 'bib-'];

/** How a link resolves: outside the site, a same-page anchor, or a site path with an anchor. */
export type LinkKind = { kind: 'external' } | { kind: 'same-page'; id: string } | { kind: 'site'; path: string; hash: string };

/**
 * The problem with `href`, or undefined when it is fine. `ownIds` are the ids of the page the link
 * sits on (for "#id" links); undefined skips that check.
 */
export function linkProblem(href: string, targets: LinkRuleTargets, ownIds?: ReadonlySet<string>): string | undefined {
  const classified = classifyLink(href);
  if (typeof classified === 'string') return classified;
  if (classified.kind === 'external') return undefined;
  if (classified.kind === 'same-page') {
    const { id } = classified;
    if (!ownIds || !id || ownIds.has(id) || GENERATED_SAME_PAGE.some((p) => id.startsWith(p))) return undefined;
    return `the link "${href}" names no id of this page.`;
  }
  const { path, hash } = classified;
  if (!targets.pages.has(path)) {
    return `the link "${href}" leads to "${path}", which is not a page of the site. Link to an existing page such as ${[...targets.pages].slice(0, 4).join(', ')}.`;
  }
  const anchors = targets.anchorsOf(path);
  const id = safeDecode(hash);
  if (!hash || !anchors || anchors.has(id)) return undefined;
  if (path === '/references/') {
    const key = id.replace(/^bib-/, '');
    if (key !== id && anchors.has(key)) return `the link "${href}" names "#${id}", but entries of /references/ have their key as id. Write "/references/#${key}".`;
    return `the link "${href}" names no entry of /references/: "${key}" is not a key of ${targets.bibliographyFile ?? 'the bibliography'}. Link to an entry as /references/#<key> with a key from ${targets.bibliographyFile ?? 'the bibliography'} (to cite it, write [@key]).`;
  }
  return `the link "${href}" names "#${hash}", which ${path} does not have. Use one of its section ids.`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where a link leads, or the problem with it when it is not a link a chapter may hold. */
export function classifyLink(href: string): LinkKind | string {
  const compact = href.replace(/[\s\u0000-\u001f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'javascript') {
    return `the link "${href}" runs script ("javascript:"). The site's Content-Security-Policy blocks it, so it can only be a mistake: link to a page (https://… or a path from the site root such as /serum-markers/), and put behaviour in src/scripts/.`;
  }
  if (scheme) {
    if (['http', 'https', 'mailto'].includes(scheme)) return { kind: 'external' };
    return `the link "${href}" uses the scheme "${scheme}:", which a chapter may not link to. Use https://…, mailto:…, or a path of the site from its root (/serum-markers/).`;
  }
  if (href.startsWith('//')) return `the link "${href}" has no scheme. Write it in full: "https:${href}".`;
  if (href.startsWith('#')) return { kind: 'same-page', id: safeDecode(href.slice(1)) };
  if (!href.startsWith('/')) {
    const suggestion = `/${href.replace(/^(\.\.?\/)+/, '')}`;
    return `the link "${href}" is relative: it would resolve against the page it sits on and break under a base path. Write it from the site root: "${suggestion}" (the build never resolves relative links).`;
  }
  const [path = '/', hash = ''] = href.split('#');
  return { kind: 'site', path, hash };
}
