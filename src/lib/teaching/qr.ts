/**
 * QR codes for slides and handouts: the absolute address of a chapter or a section, as an SVG of
 * square modules with error correction M and a four-module quiet zone (the size the QR standard
 * asks for), drawn by uqr's encoder.
 */
import { encode } from 'uqr';
import { withBase } from '../links/urls.ts';
import { cacheKey, cachedSync } from '../site/build-cache.ts';

/** The quiet zone, in modules, on every side. */
export const QUIET_ZONE = 4;

/** The absolute URL a chapter's or a section's QR code encodes. */
export function teachingUrl(site: string, base: string, chapter: string, sectionId?: string): string {
  const url = new URL(withBase(base, `/${chapter}/`), site);
  return sectionId ? `${url.href}#${sectionId}` : url.href;
}

export interface QrModules {
  /** Modules per side, quiet zone included. */
  size: number;
  /** Dark modules, row by row: `dark[y][x]`. */
  dark: boolean[][];
}

export function qrModules(text: string): QrModules {
  if (!text) throw new Error('A QR code needs a non-empty text to encode.');
  const qr = encode(text, { ecc: 'M', border: QUIET_ZONE });
  return { size: qr.size, dark: qr.data };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The QR code as a stand-alone SVG: a white square with one path of dark 1 × 1 modules, scaled by
 * the viewBox (crisp at any size), titled with the address it holds.
 */
export function qrSvg(text: string): string {
  // A section's code shows on its embed page and its QR page: encoded once, and kept for the next build.
  let svg = drawn.get(text);
  if (svg === undefined) {
    svg = cachedSync({ namespace: 'qr-svg', inputs: cacheKey(text), code: ['src/lib/teaching/qr.ts'] }, () => drawQr(text));
    drawn.set(text, svg);
  }
  return svg;
}

const drawn = new Map<string, string>();

function drawQr(text: string): string {
  const { size, dark } = qrModules(text);
  const d: string[] = [];
  dark.forEach((row, y) => row.forEach((on, x) => on && d.push(`M${x} ${y}h1v1h-1z`)));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges" role="img" aria-label="QR code for ${escapeXml(text)}">`,
    `<title>QR code for ${escapeXml(text)}</title>`,
    `<rect width="${size}" height="${size}" fill="#fff"/>`,
    `<path fill="#000" d="${d.join('')}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Reads the modules back from an SVG written by qrSvg (for tests and checks). */
export function modulesOfSvg(svg: string): QrModules {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1];
  if (!size || d === undefined) throw new Error('Not a QR SVG written by qrSvg: no square viewBox or no module path.');
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) dark[Number(m[2])]![Number(m[1])] = true;
  return { size, dark };
}

/** The modules as an RGBA bitmap, `scale` pixels per module, for a decoder such as jsQR. */
export function rasterize({ size, dark }: QrModules, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      const v = dark[Math.floor(py / scale)]![Math.floor(px / scale)] ? 0 : 255;
      const i = (py * width + px) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { data, width, height: width };
}
