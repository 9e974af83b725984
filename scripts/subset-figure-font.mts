/**
 * Makes the font the figure PNGs are drawn with: DejaVu Sans, cut down to the characters a figure
 * can use, so that every machine draws the same PNGs and resvg, which reads its font file again for
 * each run of text, reads 98 KB where the whole face is 757 KB.
 *
 *   npm run font:figures            (needs fonttools' pyftsubset and fonts-dejavu-core:
 *                                    apt-get install -y fonttools fonts-dejavu-core)
 *
 * Writes, in src/lib/figures/font/:
 * - DejaVuSans-figures.ttf: the font (glyphs, kerning and names of the original; no hinting, which
 *   resvg does not use);
 * - DejaVuSans-figures.json: the code points it has, which the build checks each PNG's text against;
 * - LICENSE.txt: the license the font carries in its name table.
 * Run it again to add characters (FIGURE_FONT_RANGES below) when a build says a figure uses one the
 * font lacks. Nothing else in the build or the tests needs fonttools.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { FIGURE_FONT } from '../src/lib/figures/figure-font.ts';

/** Latin with its accents, Greek, punctuation, super- and subscripts, arrows and mathematical operators. */
const FIGURE_FONT_RANGES = ['0020-007E', '00A0-017F', '0370-03FF', '2010-2027', '2030-205E', '2070-209F', '2190-21FF', '2200-22FF'];
const SOURCE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const PYTHON = '/usr/bin/python3';
const PYFTSUBSET = '/usr/bin/pyftsubset';

for (const [tool, install] of [
  [SOURCE, 'apt-get install -y fonts-dejavu-core'],
  [PYFTSUBSET, 'apt-get install -y fonttools'],
] as const) {
  if (!existsSync(tool)) {
    console.error(`scripts/subset-figure-font.mts: ${tool} is missing. Install it (${install}) and run npm run font:figures again.`);
    process.exit(1);
  }
}

mkdirSync(FIGURE_FONT.dir, { recursive: true });
execFileSync(PYFTSUBSET, [
  SOURCE,
  `--unicodes=${FIGURE_FONT_RANGES.map((r) => `U+${r}`).join(',')}`,
  '--layout-features=*',
  '--name-IDs=*',
  '--name-languages=*',
  '--no-hinting',
  `--output-file=${FIGURE_FONT.file}`,
], { stdio: ['ignore', 'inherit', 'pipe'] });

// What the cut font has, read back from it: its code points, names and license.
const facts = JSON.parse(
  execFileSync(PYTHON, [
    '-c',
    `import json, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
n = f['name']
print(json.dumps({'codePoints': sorted(f.getBestCmap()), 'family': n.getDebugName(1), 'version': n.getDebugName(5), 'copyright': n.getDebugName(0), 'license': n.getDebugName(13), 'licenseUrl': n.getDebugName(14)}))`,
    FIGURE_FONT.file,
  ], { encoding: 'utf8' }),
) as { codePoints: number[]; family: string; version: string; copyright: string; license: string; licenseUrl: string | null };

if (facts.family !== FIGURE_FONT.family) {
  console.error(`scripts/subset-figure-font.mts: the cut font's family is "${facts.family}", and the figures ask for "${FIGURE_FONT.family}". Use the DejaVu Sans of fonts-dejavu-core.`);
  process.exit(1);
}

writeFileSync(
  FIGURE_FONT.characters,
  `${JSON.stringify({ source: `${facts.family} ${facts.version} (${SOURCE})`, ranges: FIGURE_FONT_RANGES, codePoints: facts.codePoints })}\n`,
);
writeFileSync(FIGURE_FONT.license, `${facts.family}, ${facts.version}, cut to the characters of the site's figures by scripts/subset-figure-font.mts.\n\n${facts.copyright}\n\n${facts.license}\n${facts.licenseUrl ? `\n${facts.licenseUrl}\n` : ''}`);
console.log(`${FIGURE_FONT.file}: ${facts.codePoints.length} characters of ${facts.family} ${facts.version}.`);
