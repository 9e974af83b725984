/**
 * The figure font (src/lib/figures/figure-font.ts): the PNGs are drawn with the site's own cut of
 * DejaVu Sans, and a label with a character the cut lacks fails the build instead of leaving a gap.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'figure-font-'));
vi.stubEnv('BUILD_CACHE_DIR', dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { FIGURE_FONT, drawnText, figureFontCodePoints, fontProblem, missingCharacters, whereWritten } = await import('../../src/lib/figures/figure-font.ts');
const { downloadPngAsync } = await import('../../src/lib/figures/downloads.ts');
const { pngJobs } = await import('../../src/lib/figures/download-files.ts');

const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');

/** Which of the characters leave ink, each drawn with the figure font alone in a cell of its own. */
function inked(chars: string[]): boolean[] {
  const CELL = 40;
  const COLUMNS = 32;
  const rows = Math.ceil(chars.length / COLUMNS);
  const texts = chars.map((c, i) => `<text x="${(i % COLUMNS) * CELL + 8}" y="${Math.floor(i / COLUMNS) * CELL + 28}" font-size="22">&#${c.codePointAt(0)};</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${COLUMNS * CELL}" height="${rows * CELL}"><g font-family="${FIGURE_FONT.family}">${texts.join('')}</g></svg>`;
  const image = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: false, fontFiles: [resolve(FIGURE_FONT.file)], defaultFontFamily: FIGURE_FONT.family } }).render();
  const { pixels, width } = image;
  return chars.map((_, i) => {
    const x0 = (i % COLUMNS) * CELL;
    const y0 = Math.floor(i / COLUMNS) * CELL;
    for (let y = y0; y < y0 + CELL; y++) for (let x = x0; x < x0 + CELL; x++) if ((pixels[(y * width + x) * 4] ?? 255) < 160) return true;
    return false;
  });
}

describe('the figure font', () => {
  it('draws a glyph for every character it lists, and nothing for one it lacks', () => {
    // White space and invisible format characters (soft hyphen, joiners) leave no ink by design.
    const listed = [...figureFontCodePoints()].map((n) => String.fromCodePoint(n)).filter((c) => !/[\s\p{Cf}]/u.test(c));
    expect(listed.length).toBeGreaterThan(800);
    const lacking = ['骨', '\u{1F9B4}'];
    const ink = inked([...listed, ...lacking]);
    expect(listed.filter((_, i) => !ink[i])).toEqual([]);
    expect(ink.slice(listed.length)).toEqual([false, false]);
  });

  it('covers Latin, Greek and the arrows and signs a label may use', () => {
    for (const c of 'Aéαβγκ→±≤≥·–—’') expect(figureFontCodePoints().has(c.codePointAt(0) ?? 0), c).toBe(true);
  });
});

describe('the text a figure draws', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg"><title>Figure 9. 骨 in the title</title><desc>骨 in the description</desc>' +
    '<g><text x="1" y="2">TGF-β &amp; <tspan>IL-7</tspan></text><text>RANKL 骨</text></g></svg>';

  it('is the content of its labels, entities decoded, not its title or description', () => {
    expect(drawnText(svg)).toEqual(['TGF-β & ', 'IL-7', 'RANKL 骨']);
  });

  it('is checked against the font: only the label the font lacks is named', () => {
    expect(missingCharacters(svg)).toEqual(['骨']);
  });

  it('is read through character references and entities, which may stand for a character the font lacks', () => {
    const wrap = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg"><text>${label}</text></svg>`;
    expect(missingCharacters(wrap('RANKL &#x9AA8;'))).toEqual(['骨']);
    expect(missingCharacters(wrap('bone &hearts;'))).toEqual(['♥']);
    expect(missingCharacters(wrap('TGF-&#946; &amp; IL-7 &lt; 5'))).toEqual([]);
  });

  it('fails with the figure, the character and its code point, and what to do', () => {
    expect(fontProblem(svg)).toBe(
      'the PNG of "Figure 9. 骨 in the title" would leave a gap for "骨" (U+9AA8): the figure font (src/lib/figures/font/DejaVuSans-figures.ttf) lacks it. ' +
        'Add the range to FIGURE_FONT_RANGES in scripts/subset-figure-font.mts and run npm run font:figures, or write the label without it.',
    );
  });

  it('that the font lacks is found where the sources write it, by line and by column in characters', () => {
    const sources = [
      { path: 'content/figures.yaml', text: 'figures:\n  - caption: 𝛃 cells ♥ bone\n' },
      { path: 'content/factors.yaml', text: '- name: ♥\n' },
    ];
    expect(whereWritten('♥', sources)).toEqual(['content/figures.yaml:2:22', 'content/factors.yaml:1:9']);
    expect(whereWritten('骨', sources)).toEqual([]);
    expect(fontProblem('<svg><title>Figure 2</title><text>♥</text></svg>', undefined, () => sources)).toContain('"♥" (U+2665, written at content/figures.yaml:2:22, content/factors.yaml:1:9)');
  });

  it('fails a PNG with the place the figure data writes the character (the FIGURES file of the build)', async () => {
    const figures = join(dir, 'figures.yaml');
    writeFileSync(figures, 'figures:\n  - id: fig-x\n    caption: Marrow ♥ and bone.\n');
    const before = process.env['FIGURES'];
    process.env['FIGURES'] = figures;
    try {
      await expect(downloadPngAsync('<svg xmlns="http://www.w3.org/2000/svg"><title>Figure 3</title><text>Marrow ♥ and bone.</text></svg>', 300)).rejects.toThrow(
        `"♥" (U+2665, written at ${figures}:3:21)`,
      );
    } finally {
      if (before === undefined) delete process.env['FIGURES'];
      else process.env['FIGURES'] = before;
    }
  });

  it('of every PNG the site serves is in the font', () => {
    const problems = pngJobs({ site: 'https://teach.example.org', base: '/' }).map((j) => fontProblem(j.svg)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  it('with a character the font lacks fails the PNG with that message, before anything is drawn', async () => {
    await expect(downloadPngAsync(svg, 200)).rejects.toThrow('src/lib/figures/downloads.ts: the PNG of "Figure 9. 骨 in the title" would leave a gap for "骨" (U+9AA8)');
  });
});
