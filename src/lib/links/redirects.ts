/**
 * Declared redirects for published URLs and anchors (content/redirects.yaml), and the anchor
 * contract: every published anchor must still exist or be redirected.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parse } from 'yaml';

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
  return parsed.data;
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
