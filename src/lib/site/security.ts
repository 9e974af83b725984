/**
 * The site's security policy, in one place: the Content-Security-Policy every page carries (as a
 * meta tag and in _headers) and the headers a static host should send.
 *
 * Scripts come only from the site's own files: no inline script, no eval. Pagefind's search runs
 * WebAssembly, which needs 'wasm-unsafe-eval' (it allows compiling WebAssembly, not JavaScript eval).
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** Directives a <meta> CSP may not carry (browsers ignore them there). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/**
 * The policy as one header or meta value. `embeddable` is for the embed pages (/embed/*), which any
 * site may frame (a course page in Moodle, Canvas, Blackboard): the same policy with `frame-ancestors *`.
 */
export function contentSecurityPolicy({ forMeta = false, embeddable = false } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, value]): [string, string] => [name, embeddable && name === 'frame-ancestors' ? '*' : value])
    .filter(([name]) => !(forMeta && HEADER_ONLY.has(name)))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** A Netlify / Cloudflare Pages `_headers` file for the site under `base`. */
export function headersFile(base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return [
    `${b}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy()}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '  Cross-Origin-Opener-Policy: same-origin',
    '  Strict-Transport-Security: max-age=63072000; includeSubDomains',
    '',
    '# Embed pages, and only they, may be framed by any site. "! Content-Security-Policy" detaches the',
    '# site-wide policy above (Cloudflare Pages); Netlify serves the most specific rule\'s value.',
    `${b}embed/*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${contentSecurityPolicy({ embeddable: true })}`,
    '',
    '# Hashed assets never change: cache them for a year.',
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    '# The search index changes with every build; its chunk files are content-hashed.',
    `${b}pagefind/*`,
    '  Cache-Control: public, max-age=3600, must-revalidate',
    `${b}pagefind/fragment/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${b}pagefind/index/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    '# Pages and exports: always revalidate, so an edit is seen at once.',
    `${b}*.html`,
    '  Cache-Control: public, max-age=0, must-revalidate',
    '',
  ].join('\n');
}

/**
 * The headers `_headers` gives one path, as Cloudflare Pages reads the file: every rule whose
 * pattern matches (`*` matches any run of characters) applies in order, a header two rules set is
 * joined with ", " (so two policies would both apply, the stricter winning), and `! Name` removes a
 * header set by an earlier rule.
 */
export function headersForPath(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let matches = false;
  for (const line of file.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      matches = pattern.test(path);
      continue;
    }
    if (!matches) continue;
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      delete headers[detach[1]!.toLowerCase()];
      continue;
    }
    const m = /^\s+([^:]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const name = m[1]!.trim().toLowerCase();
    headers[name] = headers[name] === undefined ? m[2]! : `${headers[name]}, ${m[2]}`;
  }
  return headers;
}
