// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeCitation from 'rehype-citation';
import { resolve } from 'node:path';
import { readSiteEnv } from './src/lib/site-config.ts';
import { loadBibliography } from './src/lib/bibliography.ts';
import remarkStableHeadingIds from './src/plugins/remark-stable-heading-ids.ts';
import rehypeCitationGuard from './src/plugins/rehype-citation-guard.ts';
import rehypeReferenceList from './src/plugins/rehype-reference-list.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';

const env = readSiteEnv(process.env);
const bibliographyPath = resolve(env.BIBLIOGRAPHY);
const bibliography = loadBibliography(bibliographyPath, env.BIBLIOGRAPHY);

// Ids the chapter layout uses itself; a heading may not take them.
const layoutIds = ['main', 'references', 'references-title', 'contents', 'cite-this-page', 'chapter-title', 'summary', 'top'];

// https://astro.build/config
export default defineConfig({
  site: env.SITE_URL,
  base: env.BASE_PATH,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default engine (Sätteri) runs no remark/rehype plugins: the citation pipeline needs unified.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm, [remarkStableHeadingIds, { require: [2, 3], reserved: layoutIds }]],
      rehypePlugins: [
        [rehypeCitationGuard, { knownKeys: new Set(bibliography.entries.keys()), bibliographyFile: env.BIBLIOGRAPHY }],
        [rehypeCitation, { bibliography: env.BIBLIOGRAPHY, path: process.cwd(), csl: 'vancouver', lang: 'en-US', linkCitations: true }],
        [rehypeReferenceList, { bibliography }],
      ],
    }),
  },
  integrations: [mdx(), pagefindIndex()],
});
