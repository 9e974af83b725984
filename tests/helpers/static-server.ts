/**
 * A static file server for tests and benchmarks: dist/ mounted at the site's base path, gzip for
 * text, long caching for hashed assets, and 404.html for misses, as a static host (GitHub Pages,
 * Netlify) serves a site. Built on sirv and compression.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import compression from 'compression';
import { headersForPath } from '../../src/lib/site/security.ts';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `sendHeaders`: also send the headers dist/_headers gives each path, as Netlify or Cloudflare Pages
 * would (for tests of framing and the Content-Security-Policy header).
 */
export async function startStaticServer(dir: string, basePath = '/', { sendHeaders = false } = {}): Promise<StaticServer> {
  const headersFile = sendHeaders ? readFileSync(join(dir, '_headers'), 'utf8') : '';
  const serve = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    setHeaders(res, pathname) {
      if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const compress = compression();
  const notFound = readFileSync(join(dir, '404.html'));
  const server = createServer((req, res) => {
    compress(req as never, res as never, () => {
      const url = req.url ?? '/';
      if (sendHeaders) for (const [name, value] of Object.entries(headersForPath(headersFile, url.split(/[?#]/)[0] ?? '/'))) res.setHeader(name, value);
      const miss = () => {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(notFound);
      };
      if (!url.startsWith(basePath)) return miss();
      req.url = `/${url.slice(basePath.length)}`;
      serve(req, res, miss);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
