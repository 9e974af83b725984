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
import { evidenceBadge, type Cancer, type EvidenceKind } from '../../src/lib/atlas/evidence.ts';

const list = <T extends string>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

interface RawRelation { type: string; target: string; cites?: string[]; gloss?: boolean; evidence?: string | string[]; cancer?: string | string[] }
interface RawFactor { id: string; name: string; kind?: string; summary?: string; expansion?: string; aliases?: string[]; relations?: RawRelation[] }
const factors = parse(readFileSync('content/factors.yaml', 'utf8')) as RawFactor[];

/**
 * Passages of a built chapter: paragraphs, list items and table rows of its text, with their section.
 * The key points box and figures restate the text, so they are not passages of their own; a
 * "Background, not from the review" note is the site's explanation, not a passage of the review's.
 */
function builtPassages(chapter: string): { section: string; text: string }[] {
  const { tree } = builtPage(`/${chapter}/`);
  const prose = select('.prose', tree) as Element;
  const out: { section: string; text: string }[] = [];
  let section = '';
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const cls = attr(child, 'className');
      if (cls.includes('references') || cls.includes('cite-this-page') || cls.includes('citation-popover')) continue;
      if (attr(child, 'id') === 'key-points' || child.tagName === 'figure' || cls.includes('teaching-figure') || cls.includes('background-note')) continue;
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

  it('every relation links to its target’s page and shows resolved citation numbers, except a gloss, which shows none', () => {
    for (const f of factors) {
      const { tree } = builtPage(`/factors/${f.id}/`);
      const rel = selectAll('#what-it-does + .relations > li', tree);
      expect(rel.length, f.id).toBe(f.relations?.length ?? 0);
      const entries = new Set(selectAll('.reference-list > li', tree).map((li) => attr(li, 'id')));
      for (const [i, li] of rel.entries()) {
        const r = f.relations?.[i] as RawRelation;
        expect(selectAll('a', li).map((a) => attr(a, 'href')), `${f.id}: ${toString(li)}`).toContain(`/factors/${r.target}/`);
        const cites = selectAll('.citation a', li);
        if (r.gloss) {
          expect(cites, `${f.id}: ${toString(li)}`).toEqual([]);
          continue;
        }
        // A run of consecutive numbers shows as a range (49–51): its ends are links, and the group names every key.
        const group = select('.citation', li);
        expect(attr(group, 'dataCites').split(' ').sort(), `${f.id}: ${toString(li)}`).toEqual([...(r.cites ?? [])].sort());
        expect(cites.length, `${f.id}: ${toString(li)}`).toBeGreaterThan(0);
        for (const a of cites) expect(entries).toContain(attr(a, 'href').slice(1));
      }
    }
  });

  it('every cited relation shows its evidence badge in words, linked to the explanation, on the page of each of its two factors', () => {
    let shown = 0;
    for (const f of factors) {
      for (const [i, r] of (f.relations ?? []).entries()) {
        const own = selectAll('#what-it-does + .relations > li', builtPage(`/factors/${f.id}/`).tree)[i] as Element;
        const incoming = selectAll('#what-acts-on-it + .relations > li', builtPage(`/factors/${r.target}/`).tree).filter((li) => attr(li, 'dataFrom') === f.id);
        if (r.gloss) {
          expect(select('.evidence-badge', own), `${f.id} ${r.type} ${r.target}`).toBeUndefined();
          continue;
        }
        const words = `Evidence: ${evidenceBadge(list(r.evidence) as EvidenceKind[], list(r.cancer) as Cancer[])}`;
        const badge = select('.evidence-badge', own) as Element;
        expect(toString(badge), `${f.id} ${r.type} ${r.target}`).toBe(words);
        expect(attr(badge, 'href')).toBe('/about/#evidence');
        expect(incoming.map((li) => toString(select('.evidence-badge', li) ?? li)), `${f.id} ${r.type} ${r.target} on its target's page`).toContain(words);
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(100);
  });

  it('a gloss is marked as background, not from the review, and carries no citation', () => {
    const glosses = factors.flatMap((f) => (f.relations ?? []).map((r, i) => ({ f, r, i }))).filter(({ r }) => r.gloss);
    expect(glosses.length).toBeGreaterThan(5);
    for (const { f, r, i } of glosses) {
      const li = selectAll('#what-it-does + .relations > li', builtPage(`/factors/${f.id}/`).tree)[i] as Element;
      expect(toString(select('.gloss-label', li) ?? li), `${f.id} ${r.type} ${r.target}`).toBe('background, not from the review');
      expect(select('.citation', li)).toBeUndefined();
    }
  });

  it('relations read as English: PTHrP stimulates osteoblasts, IL-6 is produced by cancer cells', () => {
    const pthrp = selectAll('#what-it-does + .relations > li', builtPage('/factors/pthrp/').tree).map((li) => toString(li));
    expect(pthrp.some((t) => t.startsWith('PTHrP stimulates osteoblasts'))).toBe(true);
    const il6 = selectAll('#what-it-does + .relations > li', builtPage('/factors/il-6/').tree).map((li) => toString(li));
    expect(il6.some((t) => t.startsWith('IL-6 is produced by cancer cells '))).toBe(true);
    const onOsteoclast = selectAll('#what-acts-on-it + .relations > li', builtPage('/factors/osteoclast/').tree).map((li) => toString(li));
    expect(onOsteoclast.some((t) => t.startsWith('Osteoblasts stimulate osteoclasts'))).toBe(true);
  });
});

describe('conditions are not molecules', () => {
  it.each([
    ['hypoxia', 'hif-1'],
    ['acidity', 'lactic-acid'],
    ['oxidative stress', 'ros'],
  ])('"%s" in the chapters is never a link to /factors/%s/', (word, id) => {
    // The word on its own, not inside a name such as "hypoxia-inducible factor-1".
    const alone = new RegExp(`(?<![\\p{L}-])${word}(?![\\p{L}-])`, 'iu');
    let seen = 0;
    for (const c of CHAPTERS) {
      const { tree } = builtPage(`/${c}/`);
      if (alone.test(toString(select('.prose', tree) as Element))) seen++;
      for (const a of selectAll('.prose a.factor-link', tree)) {
        expect(alone.test(toString(a)), `${c}: "${toString(a)}" links to ${attr(a, 'href')}`).toBe(false);
      }
    }
    expect(seen, `the chapters still use the word "${word}"`).toBeGreaterThan(0);
    // The molecule keeps its page; only the condition no longer leads there.
    expect(builtPages().has(`/factors/${id}/`), id).toBe(true);
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

  it('a factor page’s neighbourhood has a node for the factor and every endpoint of its cited relations (glosses are not drawn)', () => {
    for (const f of factors) {
      const svg = select('#fig-neighbourhood svg.fig-wide', builtPage(`/factors/${f.id}/`).tree);
      const incoming = factors.filter((o) => (o.relations ?? []).some((r) => r.target === f.id && !r.gloss)).map((o) => o.id);
      const expected = new Set([...(f.relations ?? []).filter((r) => !r.gloss).map((r) => r.target), ...incoming]);
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

describe('where the evidence comes from, in the diagrams’ lists', () => {
  it('a factor’s diagram list gives the evidence of each neighbour, so breast-model evidence reads as such', () => {
    const page = builtPage('/factors/jagged1/').tree;
    const osteoblast = selectAll('#fig-neighbourhood .diagram-text li.neighbour-line', page).find((li) => attr(li, 'dataTo') === 'osteoblast') as Element;
    expect(attr(osteoblast, 'dataCancer')).toBe('breast');
    expect(toString(osteoblast)).toContain('animal models · breast cancer');
    const box = selectAll('#fig-neighbourhood svg.fig-wide .fig-node[data-to="osteoblast"]', page);
    expect(box.map((b) => attr(b, 'dataEvidence'))).toEqual(['animal-models']);
  });

  it('the vicious-cycle list gives the evidence of every drawn arrow', () => {
    const lines = selectAll('#fig-vicious-cycle .diagram-text li.relation-line', builtPage('/osteoclast-factors/').tree).filter((li) => select('.evidence-badge', li));
    expect(lines.length).toBeGreaterThanOrEqual(11);
  });

  it('an uncited gloss is not drawn: the γδ T cell’s diagram shows no relation to cancer cells', () => {
    const page = builtPage('/factors/gamma-delta-t-cell/').tree;
    expect(toString(select('#what-it-does + .relations', page) ?? page)).toContain('background, not from the review');
    const list = toString(select('#fig-neighbourhood .diagram-text', page) ?? { type: 'root', children: [] });
    expect(list).not.toContain('cancer cell');
  });
});

describe('neighbourhood diagrams as teaching files', () => {
  it('every factor page with a diagram offers its SVG and a 1,600 px PNG, each with the credit line', () => {
    let offered = 0;
    for (const f of factors) {
      const links = selectAll('#fig-neighbourhood .fig-downloads a', builtPage(`/factors/${f.id}/`).tree).map((a) => attr(a, 'href'));
      if (!select('#fig-neighbourhood', builtPage(`/factors/${f.id}/`).tree)) continue;
      expect(links, f.id).toEqual([`/figures/factors/${f.id}.svg`, `/figures/factors/${f.id}.png`]);
      const svg = readFileSync(`dist${links[0]}`, 'utf8');
      expect(svg, f.id).toContain(`/factors/${f.id}/#fig-neighbourhood`);
      expect(svg, f.id).toContain('doi:10.5306/wjco.v5.i2.149');
      const png = readFileSync(`dist${links[1]}`);
      expect(png.subarray(1, 4).toString(), f.id).toBe('PNG');
      expect(png.readUInt32BE(16), f.id).toBe(1600);
      offered++;
    }
    expect(offered).toBeGreaterThan(50);
  });

  it('a factor page carries its diagram once: the wide drawing inline, the phone drawing a lazy image of a file that links the same neighbours', () => {
    let checked = 0;
    for (const f of factors) {
      const figure = select('#fig-neighbourhood', builtPage(`/factors/${f.id}/`).tree);
      if (!figure) continue;
      const drawings = selectAll('svg.fig-svg', figure);
      expect(drawings.map((d) => d.properties?.['className']), f.id).toEqual([['fig-svg', 'fig-wide']]);
      const phone = selectAll('img.fig-phone', figure);
      expect(phone.map((i) => [attr(i, 'src'), attr(i, 'loading')]), f.id).toEqual([[`/figures/phone/factors/${f.id}.svg`, 'lazy']]);
      expect(attr(phone[0] as Element, 'alt'), f.id).toMatch(/^Figure 1\. .{40,}/);
      const file = readFileSync(`dist/figures/phone/factors/${f.id}.svg`, 'utf8');
      const wideLinks = selectAll('a.fig-node', drawings[0] as Element).map((a) => attr(a, 'href')).sort();
      const phoneLinks = [...file.matchAll(/<a href="([^"]+)" class="fig-node/g)].map((m) => m[1]).sort();
      expect(phoneLinks, f.id).toEqual(wideLinks);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
