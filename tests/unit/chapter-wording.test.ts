/**
 * One spelling per name across the chapters and the home page overview, read from the MDX sources
 * without a build:
 * - a factor's name is written as its atlas `name` and `expansion` (content/factors.yaml), never in a
 *   variant spelling ("TNFα", "stromal cell-derived factor 1", "non-small-cell");
 * - osteoclast and osteoblast are spelled out: the site does not use the review's OC/OB abbreviations;
 * - IL-1 is spelled out at its first use in each chapter that names it;
 * - the first mention of PTHrP in a chapter notes that the review calls it parathyroid hormone-related
 *   *peptide* (the site, like the atlas, says protein).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { loadFactors } from '../../src/lib/atlas/factors.ts';

const factors = new Map(loadFactors('content/factors.yaml').map((f) => [f.id, f]));
/** A factor's atlas spelling, which the chapters follow. */
function atlas(id: string, field: 'name' | 'expansion'): string {
  const value = factors.get(id)?.[field];
  if (!value) throw new Error(`content/factors.yaml: factor "${id}" has no ${field}; the wording rules take their spellings from it`);
  return value;
}

/** Letters and digits only: "TGF-β" and "TGF β" must not both pass as the same word boundary. */
const END = '(?![\\p{L}\\p{N}])';
interface SpellingRule {
  /** Matches every spelling of the name, right or wrong. */
  family: RegExp;
  /** The one spelling allowed (its first letter may be upper case at the start of a sentence). */
  canonical: string;
}
export const SPELLING_RULES: SpellingRule[] = [
  { family: new RegExp(`stromal(?: cell)?[- ]?derived factor(?:[- ]?1${END})?`, 'giu'), canonical: atlas('sdf-1', 'expansion') },
  { family: new RegExp(`\\bSDF[- ]?1${END}`, 'giu'), canonical: atlas('sdf-1', 'name') },
  { family: new RegExp(`tumou?r necrosis factor[- ]?(?:α|alpha)${END}`, 'giu'), canonical: atlas('tnf-alpha', 'expansion') },
  { family: new RegExp(`\\bTNF[- ]?(?:α|alpha)${END}`, 'giu'), canonical: atlas('tnf-alpha', 'name') },
  { family: new RegExp(`nuclear factor[- ]?(?:κ|kappa|k)[- ]?B${END}`, 'giu'), canonical: atlas('nf-kb', 'expansion') },
  { family: new RegExp(`\\bNF[- ]?(?:κ|kappa|k)[- ]?B${END}`, 'giu'), canonical: atlas('nf-kb', 'name') },
  { family: new RegExp(`transforming growth factor[- ]?(?:β|beta)${END}`, 'giu'), canonical: atlas('tgf-beta', 'expansion') },
  { family: new RegExp(`\\bTGF[- ]?(?:β|beta|b)${END}`, 'giu'), canonical: atlas('tgf-beta', 'name') },
  { family: new RegExp(`hypoxia[- ]?inducible factor(?:[- ]?1${END})?`, 'giu'), canonical: atlas('hif-1', 'expansion') },
  { family: new RegExp(`\\bHIF[- ]?1${END}`, 'giu'), canonical: atlas('hif-1', 'name') },
  { family: new RegExp(`\\bnon[- ]?small[- ]?cell${END}`, 'giu'), canonical: 'non-small cell' },
];

/** The review's OC/OB abbreviations, which the site spells out as osteoclast(s)/osteoblast(s). */
const OC_OB = /\b(OC|OB)s?\b/g;
/** Abbreviations spelled out at their first use in each chapter that names them. */
const EXPAND_AT_FIRST_USE = [{ abbreviation: /\bIL-1(?!\d)/, expansion: /\binterleukin-1(?!\d)/i, write: 'interleukin-1 (IL-1)' }];
const PTHRP = /PTHrP|parathyroid hormone[- ]related/i;
const PTHRP_NOTE = /the review calls it parathyroid hormone-related \*peptide\*/;
/** How far after the first mention of PTHrP the note may stand. */
const NOTE_WITHIN = 200;

/** Replaces a match by spaces, so offsets and line numbers stay those of the file. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * The file's text as a reader sees it: heading-id comments, citation keys, and the section that lists
 * search spellings as examples (#how-to-search) blanked out. `body` also blanks the frontmatter.
 */
export function readerText(source: string): { all: string; body: string } {
  let all = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank).replace(/\[@[^\]]*\]/g, blank);
  const section = /^#{2,6} .*\{\/\* #how-to-search \*\/\}.*$[\s\S]*?(?=^#{1,6} |(?![\s\S]))/m.exec(source);
  if (section) all = all.slice(0, section.index) + blank(section[0]) + all.slice(section.index + section[0].length);
  const front = /^---\n[\s\S]*?\n---\n/.exec(all);
  const body = front ? blank(front[0]) + all.slice(front[0].length) : all;
  return { all, body };
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const sameSpelling = (found: string, canonical: string) =>
  found === canonical || found === canonical.charAt(0).toUpperCase() + canonical.slice(1);

/** Every departure from the wording policy in one MDX file, as "file:line: what is wrong; what to write". */
export function wordingProblems(file: string, source: string): string[] {
  const { all, body } = readerText(source);
  const problems: { line: number; text: string }[] = [];
  const report = (index: number, text: string) => problems.push({ line: lineOf(all, index), text });

  for (const rule of SPELLING_RULES) {
    for (const m of all.matchAll(rule.family)) {
      if (!sameSpelling(m[0], rule.canonical)) report(m.index, `"${m[0]}" is a variant spelling; write "${rule.canonical}", as in the atlas`);
    }
  }
  for (const m of all.matchAll(OC_OB)) {
    const word = m[1] === 'OC' ? 'osteoclast' : 'osteoblast';
    report(m.index, `"${m[0]}": the site spells out ${word}${m[0].endsWith('s') ? 's' : ''}, it does not use the review's ${m[1]}`);
  }
  for (const rule of EXPAND_AT_FIRST_USE) {
    const abbreviation = rule.abbreviation.exec(body);
    if (!abbreviation) continue;
    const expansion = rule.expansion.exec(body);
    if (!expansion || expansion.index > abbreviation.index) {
      report(abbreviation.index, `the first "${abbreviation[0]}" of the chapter is not spelled out; write "${rule.write}"`);
    }
  }
  const pthrp = PTHRP.exec(body);
  if (pthrp && !PTHRP_NOTE.test(body.slice(pthrp.index, pthrp.index + NOTE_WITHIN))) {
    report(pthrp.index, 'the first mention of PTHrP must note the review\'s word: add "(PTHrP; the review calls it parathyroid hormone-related *peptide*)"');
  }
  return problems.sort((a, b) => a.line - b.line).map((p) => `${file}:${p.line}: ${p.text}`);
}

const FILES = [
  ...readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).sort().map((f) => `content/chapters/${f}`),
  'content/overview.mdx',
];

describe('the wording check itself', () => {
  it('takes its canonical spellings from the atlas expansions', () => {
    expect(SPELLING_RULES.map((r) => r.canonical)).toEqual([
      'stromal cell-derived factor-1', 'SDF-1', 'tumour necrosis factor-α', 'TNF-α', 'nuclear factor-κB', 'NF-κB',
      'transforming growth factor-β', 'TGF-β', 'hypoxia-inducible factor-1', 'HIF-1', 'non-small cell',
    ]);
  });

  it('reports each variant spelling with its line and the spelling to use', () => {
    const source = [
      '---', 'summary: "TNFα and TGF beta"', '---', '',
      'Stromal cell-derived factor 1 (SDF1) binds; nuclear factor kappa B and NF-kB; HIF 1 and hypoxia inducible factor-1.',
      'Non-small-cell lung cancer, transforming growth factor β and tumor necrosis factor-α.',
    ].join('\n');
    expect(wordingProblems('x.mdx', source)).toEqual([
      'x.mdx:2: "TNFα" is a variant spelling; write "TNF-α", as in the atlas',
      'x.mdx:2: "TGF beta" is a variant spelling; write "TGF-β", as in the atlas',
      'x.mdx:5: "Stromal cell-derived factor 1" is a variant spelling; write "stromal cell-derived factor-1", as in the atlas',
      'x.mdx:5: "SDF1" is a variant spelling; write "SDF-1", as in the atlas',
      'x.mdx:5: "nuclear factor kappa B" is a variant spelling; write "nuclear factor-κB", as in the atlas',
      'x.mdx:5: "NF-kB" is a variant spelling; write "NF-κB", as in the atlas',
      'x.mdx:5: "hypoxia inducible factor-1" is a variant spelling; write "hypoxia-inducible factor-1", as in the atlas',
      'x.mdx:5: "HIF 1" is a variant spelling; write "HIF-1", as in the atlas',
      'x.mdx:6: "tumor necrosis factor-α" is a variant spelling; write "tumour necrosis factor-α", as in the atlas',
      'x.mdx:6: "transforming growth factor β" is a variant spelling; write "transforming growth factor-β", as in the atlas',
      'x.mdx:6: "Non-small-cell" is a variant spelling; write "non-small cell", as in the atlas',
    ]);
  });

  it('accepts the canonical spellings, also capitalised at the start of a sentence', () => {
    const source = 'Stromal cell-derived factor-1 (SDF-1), TNF-α, tumour necrosis factor-α, NF-κB, TGF-β, HIF-1 and non-small cell lung cancer.';
    expect(wordingProblems('x.mdx', source)).toEqual([]);
  });

  it('reports OC and OB, singular or plural, but not words that merely contain the letters', () => {
    expect(wordingProblems('x.mdx', 'OCs resorb bone; an OB forms it; OBOE and OCR are other words.')).toEqual([
      'x.mdx:1: "OCs": the site spells out osteoclasts, it does not use the review\'s OC',
      'x.mdx:1: "OB": the site spells out osteoblast, it does not use the review\'s OB',
    ]);
  });

  it('reports an IL-1 used before it is spelled out, but not IL-11 or IL-17', () => {
    expect(wordingProblems('x.mdx', 'IL-11 and IL-17 first.\n\nThen IL-1 and later interleukin-1.')).toEqual([
      'x.mdx:3: the first "IL-1" of the chapter is not spelled out; write "interleukin-1 (IL-1)"',
    ]);
    expect(wordingProblems('x.mdx', 'Interleukin-1 (IL-1), then IL-1.')).toEqual([]);
  });

  it('reports a first mention of PTHrP without the note on the review\'s word, and accepts one with it', () => {
    expect(wordingProblems('x.mdx', '---\nsummary: "x"\n---\n\nPTHrP stimulates osteoclasts.')).toEqual([
      'x.mdx:5: the first mention of PTHrP must note the review\'s word: add "(PTHrP; the review calls it parathyroid hormone-related *peptide*)"',
    ]);
    const noted = 'Parathyroid hormone-related protein (PTHrP; the review calls it parathyroid hormone-related *peptide*) acts. PTHrP again.';
    expect(wordingProblems('x.mdx', noted)).toEqual([]);
  });

  it('ignores heading ids, citation keys and the section listing search spellings', () => {
    const source = '## TGF-β and HIF-1 {/* #tgf-beta-hif-1 */}\n\nText [@nfkb2001].\n\n### How to search {/* #how-to-search */}\n\nTry TGF beta or IL7.\n\n### Next {/* #next */}\n\nTGF-β.';
    expect(wordingProblems('x.mdx', source)).toEqual([]);
  });
});

describe('the chapters and the overview follow the wording policy', () => {
  it.each(FILES)('%s', (file) => {
    expect(wordingProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});

/**
 * Background the site adds for students (not a statement of the review) sits in a note labelled
 * "Background, not from the review" and carries no citation, the way Figure 4 marks its uncited column.
 */
const BACKGROUND = /<div className="background-note" role="note" aria-labelledby="([^"]+)">\n([\s\S]*?)\n<\/div>/g;
export function backgroundProblems(file: string, source: string): string[] {
  const problems: string[] = [];
  const opened = source.split('className="background-note"').length - 1;
  const notes = [...source.matchAll(BACKGROUND)];
  if (notes.length !== opened) problems.push(`${file}: ${opened} background notes open, ${notes.length} follow the form <div className="background-note" role="note" aria-labelledby="ID"> … </div>`);
  for (const m of notes) {
    const line = lineOf(source, m.index);
    const label = `<p id="${m[1]}" className="background-label">Background, not from the review</p>`;
    if (!(m[2] ?? '').trimStart().startsWith(label)) problems.push(`${file}:${line}: a background note starts with its label: ${label}`);
    if (/\[@/.test(m[2] ?? '')) problems.push(`${file}:${line}: a background note cites the review's references; background carries no citation`);
  }
  return problems;
}

describe('background the site adds is marked as such and uncited', () => {
  it('reports a background note that cites a reference or lacks its label', () => {
    const cited = '<div className="background-note" role="note" aria-labelledby="b1">\n  <p id="b1" className="background-label">Background, not from the review</p>\n\nText [@kuo2013].\n\n</div>';
    expect(backgroundProblems('x.mdx', cited)).toEqual(["x.mdx:1: a background note cites the review's references; background carries no citation"]);
    const unlabelled = '<div className="background-note" role="note" aria-labelledby="b1">\n\nText.\n\n</div>';
    expect(backgroundProblems('x.mdx', unlabelled)[0]).toMatch(/^x\.mdx:1: a background note starts with its label/);
  });

  it.each(FILES)('%s', (file) => {
    expect(backgroundProblems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the introduction marks the lung cancer groups and the definition of skeletal-related events as background, and serum markers what each marker measures', () => {
    const notes = (file: string) => [...readFileSync(file, 'utf8').matchAll(BACKGROUND)].map((m) => m[2] ?? '');
    expect(notes('content/chapters/introduction.mdx').some((n) => /two broad groups/.test(n))).toBe(true);
    expect(notes('content/chapters/introduction.mdx').some((n) => /Skeletal-related events” is a collective term/.test(n))).toBe(true);
    expect(notes('content/chapters/serum-markers.mdx').some((n) => /reflect bone formation/.test(n))).toBe(true);
  });
});
