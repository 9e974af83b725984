/**
 * What a first visit to a built page downloads, read from dist/: the HTML, its stylesheets (whatever
 * their media: browsers fetch print stylesheets too), its scripts with every module they import
 * statically, icons, images and fonts, each gzip-compressed as a server would send it. Used by the
 * budget test and the benchmark.
 *
 * Not counted, because a browser fetches them later or elsewhere: scripts loaded on first use (by a
 * script element or import()), and `<img loading="lazy">`, fetched when it nears the viewport or the
 * page is printed, never while hidden (`lazyImages` lists them, so a test can check that each is one
 * a wide screen does not show: the print QR code, a figure's phone drawing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  other: number;
  total: number;
  /** Every file counted, as site paths. */
  files: string[];
  /** URLs the page would request from another origin. */
  external: string[];
  /** Images marked loading="lazy", left out of the total. */
  lazyImages: string[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** `pagePath` like "/osteoclast-factors/"; `base` the site's base path. */
export function pageWeight(dist: string, pagePath: string, base = '/'): PageWeight {
  const file = (sitePath: string) => join(dist, sitePath.slice(base.length - 1).replace(/^\/+/, ''));
  const htmlFile = pagePath.endsWith('/') ? join(file(pagePath), 'index.html') : `${file(pagePath)}.html`;
  const html = readFileSync(htmlFile, 'utf8');
  const weight: PageWeight = { html: gz(Buffer.from(html)), css: 0, js: 0, other: 0, total: 0, files: [pagePath], external: [], lazyImages: [] };
  const seen = new Set<string>();
  const add = (kind: 'css' | 'js' | 'other', sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const path = file(sitePath);
    if (!existsSync(path)) return;
    const buf = readFileSync(path);
    weight[kind] += gz(buf);
    weight.files.push(sitePath);
    if (kind === 'js') {
      // Static imports of the module ("./chunk.js"), not dynamic import() of search or highlight code.
      for (const m of buf.toString('utf8').matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
        add('js', posix.join(posix.dirname(sitePath), m[1] ?? ''));
      }
    }
  };
  const resolve = (ref: string) => (ref.startsWith('/') ? ref : posix.join(pagePath, ref));
  for (const m of html.matchAll(/<(script|link|img)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
    const [tag, ref] = [m[1], m[2] ?? ''];
    const attrs = m[0];
    if (/^https?:\/\//.test(ref) || ref.startsWith('//')) {
      if (!/rel="canonical"|rel="alternate"/.test(attrs)) weight.external.push(ref);
      continue;
    }
    if (tag === 'script') add('js', resolve(ref));
    else if (tag === 'link' && /rel="stylesheet"/.test(attrs)) add('css', resolve(ref));
    else if (tag === 'link' && /rel="(icon|preload|modulepreload)"/.test(attrs)) add(/\.js$/.test(ref) ? 'js' : 'other', resolve(ref));
    else if (tag === 'img' && /\sloading="lazy"/.test(attrs)) weight.lazyImages.push(resolve(ref));
    else if (tag === 'img') add('other', resolve(ref));
  }
  // Fonts referenced from the stylesheets.
  for (const css of weight.files.filter((f) => f.endsWith('.css'))) {
    for (const m of readFileSync(file(css), 'utf8').matchAll(/url\(["']?([^"')]+\.woff2?)["']?\)/g)) add('other', posix.join(posix.dirname(css), m[1] ?? ''));
  }
  weight.total = weight.html + weight.css + weight.js + weight.other;
  return weight;
}
