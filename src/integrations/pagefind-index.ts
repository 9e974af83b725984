/**
 * pagefind-index: builds the site's search data over dist/ at the end of `astro build`.
 *
 * - The chapter index (/pagefind/): only `[data-pagefind-body]` regions are indexed (chapter text
 *   and headings); reference lists carry `data-pagefind-ignore`, and navigation, footers and the
 *   references page sit outside any body.
 * - The references index (/pagefind-references/): one record per reference of the review, from
 *   /search-references.json, so an author, a title word, a journal or a year finds the entry on
 *   /references/ without drowning chapter results. The search page merges it into the chapter
 *   index's engine (Pagefind's mergeIndex) when a query needs it, so its own copies of the engine
 *   (WebAssembly, worker) and of the UIs are never fetched and are not shipped.
 * - The vocabulary (/search-vocabulary.txt) for typo correction: the words of the indexed text,
 *   the factor names and aliases, the references' authors and title words, and the synonyms.
 *
 * A Pagefind error fails the build instead of shipping a site without search.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync, writeFileSync, globSync, rmSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { cachedIndexedText } from '../lib/search/indexed-text.ts';
import { addToVocabulary, encodeVocabulary, type Vocabulary } from '../lib/search/typos.ts';
import type { ReferenceRecord } from '../lib/search/reference-records.ts';
import { encodeCitedIn } from '../lib/search/cited-in.ts';
import { synonymTerms } from '../lib/search/synonyms.ts';
import { siteSynonyms } from '../lib/search/synonyms-file.ts';
import { siteFactors } from '../lib/site/site-data.ts';
import { searchNames } from '../lib/atlas/factors.ts';

export interface PagefindIndexOptions {
  /** Selectors kept out of the index even inside an indexed region. */
  excludeSelectors?: string[];
  /**
   * The pages Pagefind reads. Default: the home page and the pages one level down, where the
   * chapters are; factor pages (two levels down) repeat chapter passages and stay out.
   */
  glob?: string;
}

async function writeIndex(site: string, outputPath: string, fill: (index: pagefind.PagefindIndex) => Promise<number>, what: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start for ${what}: ${errors.join('; ')}`);
  const count = await fill(index);
  const written = await index.writeFiles({ outputPath: join(site, outputPath) });
  if (written.errors.length) throw new Error(`Pagefind could not write ${what}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return count;
}

export default function pagefindIndex(options: PagefindIndexOptions = {}): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const glob = options.glob ?? '{index.html,*/index.html}';
        const excludeSelectors = options.excludeSelectors ?? [];
        try {
          // The chapters.
          const { index, errors } = await pagefind.createIndex({ excludeSelectors, forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site, glob });
          if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`Pagefind found no page to index in ${site}: are the data-pagefind-body regions missing?`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          await index.deleteIndex();
          logger.info(`indexed ${added.page_count} pages into ${join(site, 'pagefind')}`);

          // The references, in an index of their own.
          const recordsFile = join(site, 'search-references.json');
          const records = JSON.parse(readFileSync(recordsFile, 'utf8')) as ReferenceRecord[];
          const refs = await writeIndex(
            site,
            'pagefind-references',
            async (refIndex) => {
              for (const r of records) {
                const res = await refIndex.addCustomRecord({
                  url: r.url,
                  content: r.content,
                  language: 'en',
                  meta: { title: r.title, number: String(r.number), confidence: r.confidence, level: r.level, cited: encodeCitedIn(r.citedIn) },
                });
                if (res.errors.length) throw new Error(`Pagefind could not index reference ${r.key} from ${recordsFile}: ${res.errors.join('; ')}`);
              }
              return records.length;
            },
            'the references index',
          );
          // The references index is merged into the chapter index's engine: its copies of the UIs,
          // the WebAssembly and the worker are never fetched.
          for (const unused of globSync('{pagefind-{ui,component-ui,modular-ui,highlight}.*,wasm.*.pagefind,pagefind-worker.js}', { cwd: join(site, 'pagefind-references') })) rmSync(join(site, 'pagefind-references', unused));
          logger.info(`indexed ${refs} references into ${join(site, 'pagefind-references')}`);

          // The vocabulary for typo correction.
          const vocabulary: Vocabulary = new Map();
          const pages = globSync(glob, { cwd: site });
          for (const page of pages) addToVocabulary(vocabulary, cachedIndexedText(readFileSync(join(site, page), 'utf8'), excludeSelectors), 'text');
          for (const f of siteFactors()) for (const name of searchNames(f)) addToVocabulary(vocabulary, name, 'text');
          for (const term of synonymTerms(siteSynonyms())) addToVocabulary(vocabulary, term, 'text');
          for (const r of records) if (r.level !== 'unidentified') addToVocabulary(vocabulary, r.content, 'reference');
          writeFileSync(join(site, 'search-vocabulary.txt'), encodeVocabulary(vocabulary));
          logger.info(`search vocabulary: ${vocabulary.size} words from ${pages.length} pages, the factors, the synonyms and ${records.length} references`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
