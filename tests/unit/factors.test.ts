import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { linkNames, parseFactors, searchNames, type Factor } from '../../src/lib/atlas/factors.ts';
import rehypeFactorLinks from '../../src/plugins/rehype-factor-links.ts';
import { factorNameIndex, findMentions, isAbbreviation } from '../../src/lib/atlas/factor-mentions.ts';
import { chapterPassages, withoutCitations } from '../../src/lib/atlas/chapter-passages.ts';
import { excerpt } from '../../src/lib/atlas/atlas.ts';

const fixture = (name: string, knownKeys?: Set<string>) => () =>
  parseFactors(readFileSync(`tests/fixtures/factors/${name}`, 'utf8'), `tests/fixtures/factors/${name}`, knownKeys ? { knownKeys } : {});

const f = (id: string, name: string, extra: Partial<Factor> = {}): Factor => ({ id, name, kind: 'cytokine', aliases: [], summary: 'x'.repeat(40), relations: [], ...extra });

describe('factor data errors are clear', () => {
  it('a relation citing an unknown key names the file, line, factor, relation and key', () => {
    expect(fixture('unknown-cite.yaml', new Set(['boyle2003']))).toThrow(
      /tests\/fixtures\/factors\/unknown-cite\.yaml:8:14: factor "pthrp": relation "stimulates rankl" cites "nosuchpaper1999", which is not in the bibliography/,
    );
  });

  it('an unknown kind names the line, the factor and the allowed kinds', () => {
    expect(fixture('bad-kind.yaml')).toThrow(/bad-kind\.yaml:7:9: factor "rankl", field "kind": Invalid option: expected one of "cytokine"\|/);
  });

  it('a name shared by two factors is refused, case-insensitively', () => {
    expect(fixture('shared-alias.yaml')).toThrow(/shared-alias\.yaml:9:13: factor "il-11": the alias "Interleukin-1" is also the alias of "il-1" at tests\/fixtures\/factors\/shared-alias\.yaml:4:13\. Every name, expansion, alias and search alias must lead to one factor/);
  });
});

describe('finding factor names in prose', () => {
  const index = factorNameIndex([
    f('il-1', 'IL-1', { aliases: ['interleukin-1'] }),
    f('il-11', 'IL-11'),
    f('pth', 'PTH', { expansion: 'parathyroid hormone', kind: 'hormone' }),
    f('pthrp', 'PTHrP', { expansion: 'parathyroid hormone-related protein', kind: 'hormone' }),
    f('osteoclast', 'osteoclast', { kind: 'cell', aliases: ['OC'] }),
    f('rankl', 'RANKL'),
  ]);
  const names = (text: string) => findMentions(text, index).map((m) => `${m.factorId}:${m.text}`);

  it('IL-1 is not found inside IL-11 or IL-1β', () => {
    expect(names('IL-11 and IL-1β but also IL-1.')).toEqual(['il-11:IL-11', 'il-1:IL-1']);
  });

  it('PTH is not found inside PTHrP, and the longer spelled-out name wins', () => {
    expect(names('PTHrP, PTH and parathyroid hormone-related protein')).toEqual(['pthrp:PTHrP', 'pth:PTH', 'pthrp:parathyroid hormone-related protein']);
  });

  it('plurals count, capitals matter for abbreviations, lowercase names match any case', () => {
    expect(names('Osteoclasts and OCs, but not ocs; anti-RANKL antibody')).toEqual(['osteoclast:Osteoclasts', 'osteoclast:OCs', 'rankl:RANKL']);
  });

  it('a lowercase name does not start a hyphenated compound, a symbol may', () => {
    const idx = factorNameIndex([f('pth', 'PTH', { expansion: 'parathyroid hormone' }), f('cxcr4', 'CXCR4')]);
    expect(findMentions('parathyroid hormone-related protein; CXCR4-positive cells', idx).map((m) => m.text)).toEqual(['CXCR4']);
  });

  it('with overlapping, a symbol inside a longer name of another factor counts for both', () => {
    const idx = factorNameIndex([f('rankl', 'RANKL'), f('denosumab', 'denosumab', { kind: 'drug', aliases: ['monoclonal antibody against RANKL'] })]);
    const text = 'A monoclonal antibody against RANKL helps.';
    expect(findMentions(text, idx).map((m) => m.factorId)).toEqual(['denosumab']);
    expect(findMentions(text, idx, { overlapping: true }).map((m) => m.factorId)).toEqual(['denosumab', 'rankl']);
  });

  it('an abbreviation is one whose spelled-out form says more', () => {
    const [oc] = findMentions('OCs', index);
    expect(oc && isAbbreviation(oc, f('osteoclast', 'osteoclast', { kind: 'cell' }))).toBe(true);
    const [rankl] = findMentions('RANKL', index);
    expect(rankl && isAbbreviation(rankl, f('rankl', 'RANKL'))).toBe(false);
  });
});

describe('chapter passages', () => {
  const source = `---\ntitle: "x"\n---\n\nIntro names IL-7 [@roato2008].\n\n## Markers {/* #markers */}\n\n- First item [@a].\n- Second item.\n\n| A | B |\n| - | - |\n| one | two |\n`;

  it('are paragraphs, list items and table rows, each with its section and without citations', () => {
    expect(chapterPassages(source).map((p) => [p.sectionId, p.text])).toEqual([
      ['', 'Intro names IL-7.'],
      ['markers', 'First item.'],
      ['markers', 'Second item.'],
      ['markers', 'one · two'],
    ]);
  });

  it('citation groups are removed with the space before them', () => {
    expect(withoutCitations('bone [@a; @b], then [@c].')).toBe('bone, then.');
  });

  it('an excerpt keeps the marked name and cuts long text with ellipses', () => {
    const text = `${'word '.repeat(60)}IL-7 rises ${'more '.repeat(60)}`.trim();
    const parts = excerpt(text, findMentions(text, factorNameIndex([f('il-7', 'IL-7')])), 20);
    expect(parts[0]?.text).toBe('… ');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['IL-7']);
    expect(parts.at(-1)?.text).toBe(' …');
  });
});

describe('names that link and names that search', () => {
  const hif = f('hif-1', 'HIF-1', { kind: 'signalling', expansion: 'hypoxia-inducible factor-1', aliases: ['HIF1'], searchAliases: ['hypoxia', 'low oxygen'] });

  it('a factor’s link names are its name, expansion and aliases; search also knows its search-only aliases', () => {
    expect(linkNames(hif)).toEqual(['HIF-1', 'hypoxia-inducible factor-1', 'HIF1']);
    expect(searchNames(hif)).toEqual(['HIF-1', 'hypoxia-inducible factor-1', 'HIF1', 'hypoxia', 'low oxygen']);
  });

  it('a search-only alias is not a mention of the factor', () => {
    const idx = factorNameIndex([hif]);
    expect(findMentions('Cells under hypoxia switch on hypoxia-inducible factor-1.', idx).map((m) => m.text)).toEqual(['hypoxia-inducible factor-1']);
  });

  it('in chapter text a search-only alias never becomes a link, nor does a factor marked linkInText: false', () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Under hypoxia, bone metastases switch on HIF-1.' }] }] };
    const factors = [hif, f('bone-metastasis', 'bone metastasis', { kind: 'condition', aliases: ['bone metastases'], linkInText: false })];
    rehypeFactorLinks({ factors, href: (id) => `/factors/${id}/` })(tree);
    const links = selectAll('a', tree).map((a) => [toString(a), a.properties['href']]);
    expect(links).toEqual([['HIF-1', '/factors/hif-1/']]);
  });

  it('a search-only alias shared with another factor’s name is refused like any shared name', () => {
    const text = `- id: hif-1\n  name: HIF-1\n  kind: signalling\n  searchAliases: [lactate]\n  summary: A transcription factor switched on by low oxygen in bone.\n- id: lactic-acid\n  name: lactic acid\n  kind: chemical\n  aliases: [lactate]\n  summary: An acid that proliferating tumour cells release in bone.\n`;
    expect(() => parseFactors(text, 'factors.yaml')).toThrow(/factors\.yaml:9:13: factor "lactic-acid": the alias "lactate" is also the search alias of "hif-1" at factors\.yaml:4:19/);
  });
});

describe('the atlas data names conditions and synonyms honestly', () => {
  const data = parseFactors(readFileSync('content/factors.yaml', 'utf8'), 'content/factors.yaml');
  const byId = new Map(data.map((x) => [x.id, x]));
  const owner = (name: string, names: (x: Factor) => string[]) => data.filter((x) => names(x).some((n) => n.toLowerCase() === name.toLowerCase())).map((x) => x.id);

  it('conditions do not link to molecules: hypoxia, acidity and oxidative stress are search hints only', () => {
    for (const word of ['hypoxia', 'acidity', 'oxidative stress', 'low pH']) expect(owner(word, linkNames), word).toEqual([]);
    expect(owner('hypoxia', searchNames)).toEqual(['hif-1']);
    expect(owner('oxidative stress', searchNames)).toEqual(['ros']);
    expect(owner('acidity', searchNames)).toEqual(['lactic-acid']);
  });

  it('wrong synonyms are gone from every list of names', () => {
    for (const [word, wrongFor] of [['CTX', 'ictp'], ['CTX-I', 'ictp'], ['vitamin D3', 'vitamin-d'], ['IL-8 receptor', 'cxcr1'], ['TKIs', 'egfr-tki'], ['TKI', 'egfr-tki'], ['platinum chemotherapy', 'cisplatin']] as const) {
      expect(owner(word, searchNames), `${word} is not a name of ${wrongFor}`).toEqual([]);
    }
  });

  it('IGF and its receptor are two factors: miR-335 lowers the receptor', () => {
    expect(byId.get('igf')?.kind).toBe('growth-factor');
    expect(byId.get('igf-1r')?.kind).toBe('receptor');
    expect(byId.get('mir-335')?.relations.find((r) => r.type === 'inhibits' && r.target === 'igf-1r')?.cites).toEqual(['gong2014']);
  });

  it('the cancer cell node claims no place or cancer (not "in bone", not lung), and the miR-335 summary says which cancer the study used', () => {
    expect(byId.get('tumour-cell')?.name).toBe('cancer cell');
    expect(byId.get('mir-335')?.summary).toContain('the review calls the model NSCLC, but the cited study used small cell lung cancer (SCLC) cells');
  });
});
