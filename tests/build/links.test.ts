/**
 * Links in the built site: every internal link and #anchor resolves, DOI and PubMed links are
 * well-formed, and links to other sites open without handing over the page.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { attr, builtPages } from '../helpers/dist.ts';
const idsOf = new Map<string, Set<string>>();
for (const page of builtPages().values()) idsOf.set(page.path, new Set(selectAll('[id]', page.tree).map((el) => attr(el, 'id'))));

describe('links in dist/', () => {
  it('every internal link leads to a file of the site, and every #anchor to an id of its page', () => {
    const problems: string[] = [];
    let count = 0;
    for (const page of builtPages().values()) {
      for (const a of selectAll('a[href], link[href], script[src], img[src], form[action]', page.tree)) {
        const ref = attr(a, 'href') || attr(a, 'src') || attr(a, 'action');
        const url = new URL(ref, `http://site${page.path}`);
        if (url.host !== 'site') continue;
        count += 1;
        const path = url.pathname;
        const target = path.endsWith('/') ? `${path}` : path;
        const exists = idsOf.has(target) || existsSync(join('dist', decodeURIComponent(path)));
        if (!exists) problems.push(`${page.path}: ${ref} leads nowhere`);
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && !idsOf.get(target)?.has(anchor)) problems.push(`${page.path}: ${ref} names a missing #${anchor}`);
      }
    }
    expect(count).toBeGreaterThan(3000);
    expect(problems).toEqual([]);
  });

  it('every DOI link is https://doi.org/10.x/..., every PubMed link https://pubmed.ncbi.nlm.nih.gov/<digits>/', () => {
    for (const page of builtPages().values()) {
      for (const a of selectAll('a[href]', page.tree)) {
        const href = attr(a, 'href');
        if (href.includes('doi.org')) expect(href, page.path).toMatch(/^https:\/\/doi\.org\/10\.\d{4,9}\/[^\s"<>]+$/);
        if (href.includes('pubmed')) expect(href, page.path).toMatch(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/);
      }
    }
  });

  it('every link to another site carries rel="noopener noreferrer"', () => {
    for (const page of builtPages().values()) {
      for (const a of selectAll('a[href^="http"]', page.tree)) {
        const rel = attr(a, 'rel').split(/[\s,]+/);
        expect(rel, `${page.path} ${attr(a, 'href')}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      }
    }
  });
});
