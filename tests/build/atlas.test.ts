/**
 * The factor atlas in the built site: a page per factor, passages that match the chapters
 * (recomputed here independently from the built chapter HTML), quiet links in chapters, diagrams.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { attr, builtPage, builtPages, CHAPTER_SLUGS as CHAPTERS } from '../helpers/dist.ts';

interface RawFactor { id: string; name: string; kind?: string; summary?: string; expansion?: string; aliases?: string[]; relations?: { type: string; target: string }[] }
const factors = parse(readFileSync('content/factors.yaml', 'utf8')) as RawFactor[];

/** Passages of a built chapter: paragraphs, list items and table rows of its text, with their section. */
function builtPassages(chapter: string): { section: string; text: string }[] {
  const { tree } = builtPage(`/${chapter}/`);
  const prose = select('.prose', tree) as Element;
  const out: { section: string; text: string }[] = [];
  let section = '';
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const cls = attr(child, 'className');
      // Figures are drawn from the atlas data, not passages of the chapter's text.
      if (cls.includes('references') || cls.includes('cite-this-page') || cls.includes('citation-popover') || cls.includes('teaching-figure')) continue;
      if (child.tagName === 'h2' || child.tagName === 'h3') section = attr(child, 'id');
      else if (child.tagName === 'p' || child.tagName === 'li' || (child.tagName === 'tr' && select('td', child))) {
        const copy = structuredClone(child);
        for (const c of selectAll('.citation', copy)) c.children = [];
        out.push({ section, text: toString(copy).replace(/\s+/g, ' ') });
      } else walk(child);
    }
  };
  walk(prose);
  return out;
}

/**
 * An independent reading of "names the factor", as documented in src/lib/atlas/factor-mentions.ts:
 * a whole word, capitals significant in symbols (one word with a capital), other names in any case
 * and not opening a hyphenated compound.
 */
function names(text: string, f: RawFactor): boolean {
  return [f.name, f.expansion, ...(f.aliases ?? [])].filter((n): n is string => !!n).some((n) => {
    const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const lower = !(/\p{Lu}/u.test(n) && !/\s/.test(n));
    return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?:s|es)?(?![\\p{L}\\p{N}])${lower ? '(?!-\\p{L})' : ''}`, lower ? 'iu' : 'u').test(text);
  });
}

describe('factor pages', () => {
  it('every factor of the data has a page, listed on /factors/', () => {
    const listed = new Set(selectAll('.factor-list a', builtPage('/factors/').tree).map((a) => attr(a, 'href')));
    for (const f of factors) {
      expect(builtPage(`/factors/${f.id}/`).html, f.id).toContain(f.summary ?? '');
      expect(listed, f.id).toContain(`/factors/${f.id}/`);
    }
  });

  it('every factor named in the chapters has a page that lists at least one passage', () => {
    for (const f of factors) {
      const named = CHAPTERS.some((c) => builtPassages(c).some((p) => names(p.text, f)));
      if (!named) continue;
      expect(selectAll('.passages li', builtPage(`/factors/${f.id}/`).tree).length, f.id).toBeGreaterThan(0);
    }
  });

  it.each(['pthrp', 'il-7', 'tgf-beta', 'rankl', 'osteoclast', 'cxcr4', 'mdsc', 'ntx'])(
    'the passages listed for %s are exactly the chapter passages that name it',
    (id) => {
      const f = factors.find((x) => x.id === id);
      expect(f, id).toBeDefined();
      const expected = CHAPTERS.flatMap((c) => builtPassages(c).filter((p) => names(p.text, f as RawFactor)).map((p) => `/${c}/${p.section ? `#${p.section}` : ''}`));
      const listed = selectAll('.passages .passage-link', builtPage(`/factors/${id}/`).tree).map((a) => attr(a, 'href'));
      expect(listed).toEqual(expected);
      expect(listed.length).toBeGreaterThan(0);
      for (const mark of selectAll('.passages mark', builtPage(`/factors/${id}/`).tree)) expect(names(toString(mark), f as RawFactor), toString(mark)).toBe(true);
    },
  );

  it('every relation links to its target’s page and shows resolved citation numbers', () => {
    for (const f of factors) {
      const { tree } = builtPage(`/factors/${f.id}/`);
      const rel = selectAll('#what-it-does + .relations > li', tree);
      expect(rel.length, f.id).toBe(f.relations?.length ?? 0);
      const entries = new Set(selectAll('.reference-list > li', tree).map((li) => attr(li, 'id')));
      for (const li of rel) {
        const cites = selectAll('.citation a', li);
        expect(cites.length, `${f.id}: ${toString(li)}`).toBeGreaterThan(0);
        for (const a of cites) expect(entries).toContain(attr(a, 'href').slice(1));
      }
    }
  });
});

describe('factor links in chapters', () => {
  it('link each factor at most once per section, to an existing page', () => {
    const pages = new Set(builtPages().keys());
    for (const c of CHAPTERS) {
      const { tree } = builtPage(`/${c}/`);
      let section = '';
      const seen = new Set<string>();
      for (const el of selectAll('.prose h2, .prose h3, .prose a.factor-link', tree)) {
        if (el.tagName !== 'a') {
          section = attr(el, 'id');
          seen.clear();
          continue;
        }
        const href = attr(el, 'href');
        expect(pages, href).toContain(href);
        expect(seen.has(href), `${c}#${section} links ${href} twice`).toBe(false);
        seen.add(href);
      }
    }
  });

  it('abbreviations carry their expansion', () => {
    const abbrs = selectAll('.prose abbr', builtPage('/osteoclast-factors/').tree);
    expect(abbrs.length).toBeGreaterThan(10);
    for (const a of abbrs) expect(attr(a, 'title').length, toString(a)).toBeGreaterThan(3);
    expect(abbrs.some((a) => toString(a) === 'PTHrP' && attr(a, 'title') === 'parathyroid hormone-related protein')).toBe(true);
  });

  it('headings and citations stay free of factor links', () => {
    for (const c of CHAPTERS) {
      expect(selectAll('.prose h2 a.factor-link, .prose h3 a.factor-link, .citation a.factor-link, .references a.factor-link', builtPage(`/${c}/`).tree)).toEqual([]);
    }
  });
});

describe('cross-talk diagrams', () => {
  const cycleNodes = ['tumour-cell', 'osteoblast', 'stromal-cell', 'osteoclast', 'bone-matrix', 't-cell', 'th17-cell', 'mdsc', 'b-cell'];

  it('the vicious cycle on /factors/ and in its chapter draws every cell of the loop and the immune band, and its links resolve', () => {
    for (const path of ['/factors/', '/osteoclast-factors/']) {
      const svg = select('#fig-vicious-cycle svg.fig-wide', builtPage(path).tree);
      expect(svg, path).toBeTruthy();
      expect(toString(select('title', svg) ?? builtPage(path).tree)).toMatch(/^Figure 2\. The vicious cycle/);
      const nodeLinks = selectAll('a.fig-node', svg).map((a) => attr(a, 'href'));
      expect(nodeLinks.sort()).toEqual(cycleNodes.map((id) => `/factors/${id}/`).sort());
      for (const href of nodeLinks) expect(builtPages().has(href), href).toBe(true);
    }
  });

  it('a factor page’s neighbourhood has a node for the factor and every endpoint of its relations', () => {
    for (const f of factors) {
      const svg = select('#fig-neighbourhood svg.fig-wide', builtPage(`/factors/${f.id}/`).tree);
      const incoming = factors.filter((o) => (o.relations ?? []).some((r) => r.target === f.id)).map((o) => o.id);
      const expected = new Set([...(f.relations ?? []).map((r) => r.target), ...incoming]);
      if (!expected.size) continue;
      expected.add(f.id);
      const nodes = new Set(selectAll('a.fig-node', svg).map((a) => attr(a, 'href').replace(/^\/factors\/|\/$/g, '')));
      expect(nodes, f.id).toEqual(expected);
    }
  });

  it('edges are told apart without colour, and the diagram has a text equivalent', () => {
    const { tree } = builtPage('/factors/');
    const edges = selectAll('#fig-vicious-cycle svg.fig-wide path.fig-edge', tree);
    expect(edges.length).toBeGreaterThan(5);
    expect(selectAll('#fig-vicious-cycle .diagram-text li', tree).length).toBeGreaterThanOrEqual(edges.length);
    const css = builtCss();
    expect(css).toMatch(/\.fig-edge-inhibits\{[^}]*stroke-dasharray/);
  });
});

/** Every stylesheet of /factors/, linked or inline. */
function builtCss(): string {
  const { tree } = builtPage('/factors/');
  const linked = selectAll('link[rel="stylesheet"]', tree).map((l) => readFileSync(`dist${attr(l, 'href')}`, 'utf8'));
  return [...linked, ...selectAll('style', tree).map((st) => toString(st))].join('\n');
}
