/**
 * rehype-internal-links: checks every site-internal link in a chapter and puts the base path in front.
 *
 * A link written as "/serum-markers/#il-7" must lead to a page of the site and, when it names an
 * anchor, to an id that page has; otherwise the build stops with the file, the line and the link.
 * Same-page links ("#dormancy") must name an id of the page. Root-relative links then get the
 * site's base path ("/review/serum-markers/#il-7"), so the site works under a sub-path. Relative
 * links, "javascript:" and other schemes are refused. The rules are src/lib/chapters/link-rules.ts,
 * which the build's chapter check runs on the chapter model too.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { relativePath } from '../lib/site/paths.ts';
import { withBase } from '../lib/links/urls.ts';
import { classifyLink, linkProblem } from '../lib/chapters/link-rules.ts';

export interface InternalLinksOptions {
  /** The site's base path, e.g. "/" or "/review/". */
  base: string;
  /** Site paths that exist, e.g. "/serum-markers/". */
  pages: ReadonlySet<string>;
  /** Ids a page is known to have, where known (chapters); undefined skips the anchor check. */
  anchorsOf: (path: string) => ReadonlySet<string> | undefined;
  /** The bibliography file, named when a link into /references/ names no entry. */
  bibliographyFile?: string;
}

export class BrokenLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokenLinkError';
  }
}

export default function rehypeInternalLinks({ base, pages, anchorsOf, bibliographyFile }: InternalLinksOptions) {
  return (tree: Root, file: VFile) => {
    const problems: string[] = [];
    const ids = new Set<string>();
    visit(tree, 'element', (el: Element) => {
      if (typeof el.properties?.['id'] === 'string') ids.add(el.properties['id']);
    });
    visit(tree, 'element', (el: Element) => {
      if (el.tagName !== 'a') return;
      const href = el.properties?.['href'];
      if (typeof href !== 'string') return;
      const problem = linkProblem(href, { pages, anchorsOf, bibliographyFile }, ids);
      if (problem) {
        problems.push(`${relativePath(file.path)}:${el.position?.start.line ?? '?'}: ${problem}`);
        return;
      }
      const target = classifyLink(href);
      if (typeof target === 'object' && target.kind === 'site') {
        el.properties = { ...el.properties, href: withBase(base, target.path) + (target.hash ? `#${target.hash}` : '') };
      }
    });
    if (problems.length) throw new BrokenLinkError(problems.join('\n'));
  };
}
