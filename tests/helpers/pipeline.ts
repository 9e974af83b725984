/** Runs MDX text through the site's citation pipeline, as the build does, and returns HTML. */
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { resolve } from 'node:path';
import { loadBibliography, type Bibliography } from '../../src/lib/bibliography/bibliography.ts';
import { remarkPlugins, rehypePlugins } from '../../src/plugins/citation-pipeline.ts';

export const BIBLIOGRAPHY_FILE = 'content/bibliography.bib';

export function projectBibliography(): Bibliography {
  return loadBibliography(resolve(BIBLIOGRAPHY_FILE), BIBLIOGRAPHY_FILE);
}

/** `citationDataFile`: the CSL-JSON form of the bibliography the build gives rehype-citation; the BibTeX file when not given. */
export async function renderMdx(source: string, path = resolve('content/chapters/fixture.mdx'), citationDataFile?: string): Promise<{ html: string; file: VFile }> {
  const bibliography = projectBibliography();
  const file = new VFile({ value: source, path });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins() as PluggableList)
    .use(remarkRehype)
    .use(rehypePlugins({ bibliography, bibliographyFile: BIBLIOGRAPHY_FILE, root: process.cwd(), ...(citationDataFile ? { citationDataFile } : {}) }) as PluggableList)
    .use(rehypeStringify);
  const out = await processor.process(file);
  return { html: String(out), file: out };
}
