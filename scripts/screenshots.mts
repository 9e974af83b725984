/**
 * Screenshots of built pages at phone and desktop widths, light and dark, for a human look.
 * Usage: npx node scripts/screenshots.mts [outDir] [path ...]
 */
import { mkdirSync } from 'node:fs';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { launchChromium } from '../tests/helpers/browser.ts';

const [outDir = '/tmp/shots', ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ['/', '/introduction/'];
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer('dist', '/');
const browser = await launchChromium();
for (const [label, viewport] of [['phone', { width: 375, height: 800 }], ['desktop', { width: 1280, height: 900 }]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    for (const path of targets) {
      const [p, hash] = path.split('#');
      await page.goto(`${server.url}${(p ?? '').replace(/^\//, '')}${hash ? `#${hash}` : ''}`);
      const name = `${outDir}/${(p ?? '').replace(/\//g, '_') || 'home'}${hash ? `-${hash}` : ''}-${label}-${scheme}.png`;
      await page.screenshot({ path: name, fullPage: !hash && process.env['FULL'] !== '0' });
      console.log(name);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
