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

export function contentSecurityPolicy({ forMeta = false } = {}): string {
  return Object.entries(CSP_DIRECTIVES)
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
