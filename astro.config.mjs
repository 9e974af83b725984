// @ts-check
// First: the content-data stage checks every data file and reports all mistakes at once
// (src/lib/site/content-data.ts), before any module below reads one of them.
import { contentData } from './src/lib/site/content-data-stage.ts';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { readSiteEnv } from './src/lib/site/site-config.ts';
import { withBase } from './src/lib/links/urls.ts';
import { resolve } from 'node:path';
import { citationDataFile } from './src/lib/bibliography/citation-data-file.ts';
import { remarkPlugins, rehypePlugins } from './src/plugins/citation-pipeline.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import anchorsManifest from './src/integrations/anchors-manifest.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import figureFiles from './src/integrations/figure-files.ts';

const env = readSiteEnv(process.env);
if (!process.env['SITE_URL'] && process.argv.includes('build')) {
  console.warn(`[site] SITE_URL is not set: citations, QR codes, canonical links and the sitemap will point at ${env.SITE_URL}. Set SITE_URL=https://your.host for a public build.`);
}
const { bibliography, factors, targets } = contentData;

// https://astro.build/config
export default defineConfig({
  site: env.SITE_URL,
  base: env.BASE_PATH,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  ...(process.env['ASTRO_CACHE_DIR'] ? { cacheDir: process.env['ASTRO_CACHE_DIR'] } : {}),
  markdown: {
    // Astro 7's default engine (Sätteri) runs no remark/rehype plugins: the citation pipeline needs unified.
    processor: unified({
      gfm: false,
      // The chapters are written with typographic quotes, apostrophes and dashes (a chapter rule
      // says so), so smartypants, the slowest step of each chapter's Markdown, has nothing to do.
      smartypants: false,
      remarkPlugins: remarkPlugins(),
      rehypePlugins: rehypePlugins({
        bibliography,
        bibliographyFile: env.BIBLIOGRAPHY,
        citationDataFile: citationDataFile(resolve(env.BIBLIOGRAPHY)),
        root: process.cwd(),
        factors,
        factorHref: (id) => withBase(env.BASE_PATH, `/factors/${id}/`),
        links: { base: env.BASE_PATH, pages: targets.pages, anchorsOf: (path) => targets.anchors.get(path) },
      }),
    }),
  },
  vite: {
    // Scripts ship as files (a strict Content-Security-Policy allows no inline script), and the
    // runtime import of Pagefind's own bundle needs no preload helper.
    // The styles every page or every chapter needs go in one file (a chapter loads exactly one
    // stylesheet); the search, atlas and references pages add their own.
    build: {
      assetsInlineLimit: 0,
      modulePreload: false,
      rollupOptions: {
        output: {
          manualChunks: (id) => (/\/src\/styles\/(base|comfort|header|figures|evidence|key-points|teaching|print|background-note)\.css$/.test(id) ? 'site' : undefined),
        },
      },
    },
  },
  integrations: [figureFiles(), mdx(), pagefindIndex(), anchorsManifest(), securityHeaders()],
});
