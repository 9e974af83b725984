// Stock Starlight, default settings, plus rehype-citation for the same citations.
// The chapters and bibliography are copied in by bench/prepare-starlight.mts before each run.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import rehypeCitation from 'rehype-citation';

export default defineConfig({
  markdown: {
    processor: unified({
      rehypePlugins: [[rehypeCitation, { bibliography: 'bibliography.bib', path: process.cwd(), csl: 'vancouver', linkCitations: true }]],
    }),
  },
  integrations: [starlight({ title: 'Lung cancer in bone' })],
});
