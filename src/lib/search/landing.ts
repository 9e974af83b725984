/**
 * What a page does on arrival at a link: follow a declared anchor redirect, or fall back to the
 * section of a passage link in a browser without text fragments. Pure, and kept apart from the
 * link-making code so every page ships only this.
 */

/** The section part of a fragment that may carry a text directive: "#dormancy:~:text=x" -> "dormancy". */
export function fragmentAnchor(hash: string): string {
  const raw = hash.replace(/^#/, '').split(':~:')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray "%" is not an escape: keep the id as written
  }
}

export type Landing = { scrollTo: string } | { replace: string } | null;

/**
 * What to do on arrival at `hash`: scroll to the section of a passage link the browser did not
 * understand, follow a declared anchor redirect, or nothing (the browser handles it).
 */
export function landing(hash: string, hasId: (id: string) => boolean, redirects: ReadonlyMap<string, string> | Readonly<Record<string, string>>): Landing {
  if (!hash || hash === '#') return null;
  const id = fragmentAnchor(hash);
  if (id && hasId(id)) return hash.includes(':~:') ? { scrollTo: id } : null;
  // Only the declared entries: "#constructor" or "#__proto__" must not find what every object inherits.
  const to = redirects instanceof Map ? redirects.get(id) : Object.hasOwn(redirects, id) ? (redirects as Record<string, string>)[id] : undefined;
  return typeof to === 'string' && to ? { replace: to } : null;
}

/**
 * Where a reader arriving at a moved page's old address goes: the new page (`movedTo`), keeping the
 * section asked for, or following an anchor redirect declared for the old page.
 */
export function movedLanding(hash: string, movedTo: string, redirects: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  const action = landing(hash, () => false, redirects);
  const to = action && 'replace' in action ? action.replace : hash === '#' ? '' : hash;
  return to === '' || to.startsWith('#') ? `${movedTo}${to}` : to;
}
