/**
 * The font the figure PNGs are drawn with: DejaVu Sans, the face the download SVGs ask for first, cut
 * to the characters a figure can use (scripts/subset-figure-font.mts) and kept in the repository.
 * - Every machine draws the same PNGs, whatever fonts it has installed.
 * - resvg reads its font file again for each run of text; 98 KB instead of the whole 757 KB face
 *   takes a third off the time the PNGs take to draw.
 * - A character the font lacks would leave a gap in a PNG without a word from resvg, so each PNG's
 *   text is checked against the font's characters before it is drawn (fontProblem).
 * Paths are from the project root, as the build runs there.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';

const dir = 'src/lib/figures/font';

export const FIGURE_FONT = {
  family: 'DejaVu Sans',
  dir,
  file: `${dir}/DejaVuSans-figures.ttf`,
  characters: `${dir}/DejaVuSans-figures.json`,
  license: `${dir}/LICENSE.txt`,
} as const;

const REMAKE = 'Restore it from git, or make it again with npm run font:figures.';

function read<T>(path: string, parse: (b: Buffer) => T): T {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new Error(`${path} is missing: the figure PNGs are drawn with it. ${REMAKE}`);
  }
  return parse(bytes);
}

let hash: string | undefined;
/** The font file's hash: part of each PNG's cache key, so a new cut of the font draws every PNG again. */
export const figureFontHash = () => (hash ??= read(FIGURE_FONT.file, (b) => createHash('sha256').update(b).digest('hex')));

let codePoints: ReadonlySet<number> | undefined;
/** The characters the font has, as the script read them back from it. */
export function figureFontCodePoints(): ReadonlySet<number> {
  return (codePoints ??= read(FIGURE_FONT.characters, (b) => {
    const list = (JSON.parse(b.toString('utf8')) as { codePoints?: unknown }).codePoints;
    if (!Array.isArray(list) || !list.every((n) => Number.isInteger(n))) throw new Error(`${FIGURE_FONT.characters}: "codePoints" is not a list of code points. ${REMAKE}`);
    return new Set(list as number[]);
  }));
}

/** The text an SVG draws: the content of its <text> elements (not its <title> or <desc>), entities decoded. */
export function drawnText(svg: string): string[] {
  const out: string[] = [];
  const collect = (node: Nodes, inText: boolean): void => {
    if (node.type === 'text' && inText) out.push(node.value);
    if (node.type === 'element' || node.type === 'root') {
      const here = inText || (node.type === 'element' && node.tagName === 'text');
      for (const child of node.children) collect(child, here);
    }
  };
  collect(fromHtml(svg, { fragment: true, space: 'svg' }), false);
  return out;
}

/** Character references that stand for ASCII, which the font has: the only ones the quick path lets through. */
const ASCII_REFERENCE = /&(?:amp|lt|gt|quot|apos|#3[49]|#x2[27]);/g;

/** The characters of an SVG's drawn text that the font lacks (white space aside), each once. */
export function missingCharacters(svg: string, have: ReadonlySet<number> = figureFontCodePoints()): string[] {
  // Quick path: when every character of the markup outside <title> and <desc> is in the font and no
  // reference could stand for another one, nothing the SVG draws can be missing; no parse needed.
  const drawable = svg.replace(/<(title|desc)>[^<]*<\/\1>/g, '').replace(ASCII_REFERENCE, '');
  if (!drawable.includes('&') && [...drawable].every((c) => /\s/.test(c) || have.has(c.codePointAt(0) ?? 0))) return [];
  const missing = new Set<string>();
  for (const run of drawnText(svg)) for (const c of run) if (!/\s/.test(c) && !have.has(c.codePointAt(0) ?? 0)) missing.add(c);
  return [...missing];
}

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A text file the figures are drawn from, for saying where a character is written. */
export interface FigureSource {
  path: string;
  text: string;
}

/** Where a character is written in the sources, as path:line:column, at most `limit` places. */
export function whereWritten(char: string, sources: readonly FigureSource[], limit = 3): string[] {
  const places: string[] = [];
  for (const { path, text } of sources) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && places.length < limit; i++) {
      const column = (lines[i] ?? '').indexOf(char);
      if (column >= 0) places.push(`${path}:${i + 1}:${[...(lines[i] ?? '').slice(0, column)].length + 1}`);
    }
  }
  return places;
}

/**
 * Why a PNG of this SVG would be drawn wrong, or undefined: names the figure (its <title>), each
 * missing character, and where the sources write it (read only when a character is missing).
 */
export function fontProblem(svg: string, have?: ReadonlySet<number>, sources: () => readonly FigureSource[] = () => []): string | undefined {
  const missing = missingCharacters(svg, have);
  if (!missing.length) return undefined;
  const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1]?.slice(0, 80) ?? 'a figure';
  const files = sources();
  const written = (c: string) => {
    const places = whereWritten(c, files);
    return places.length ? `, written at ${places.join(', ')}` : '';
  };
  return (
    `the PNG of "${title}" would leave a gap for ${missing.map((c) => `"${c}" (${codePoint(c)}${written(c)})`).join('; ')}: ` +
    `the figure font (${FIGURE_FONT.file}) lacks ${missing.length > 1 ? 'them' : 'it'}. ` +
    'Add the range to FIGURE_FONT_RANGES in scripts/subset-figure-font.mts and run npm run font:figures, or write the label without it.'
  );
}
