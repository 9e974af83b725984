/**
 * pagefind-index: builds the Pagefind search index over dist/ at the end of `astro build`.
 *
 * Only `[data-pagefind-body]` regions are indexed (chapter text and headings); reference lists
 * carry `data-pagefind-ignore`, and navigation, footers and the references page sit outside any
 * body. A Pagefind error fails the build instead of shipping a site without search.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface PagefindIndexOptions {
  /** Selectors kept out of the index even inside an indexed region. */
  excludeSelectors?: string[];
  /**
   * The pages Pagefind reads. Default: the home page and the pages one level down, where the
   * chapters are; factor pages (two levels down) repeat chapter passages and stay out.
   */
  glob?: string;
}

export default function pagefindIndex(options: PagefindIndexOptions = {}): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({
          excludeSelectors: options.excludeSelectors ?? [],
          forceLanguage: 'en',
        });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site, glob: options.glob ?? '{index.html,*/index.html}' });
        if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
        if (added.page_count === 0) throw new Error(`Pagefind found no page to index in ${site}: are the data-pagefind-body regions missing?`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages into ${join(site, 'pagefind')}`);
        await pagefind.close();
      },
    },
  };
}
