import { startStaticServer } from '../tests/helpers/static-server.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { firstQueryBytes, OURS, STOCK, writeStockHarness } from './search.mts';
const cleanup = writeStockHarness('dist');
const server = await startStaticServer('dist', '/');
const browser = await launchChromium();
for (const q of ['PTHrP', 'IL-7', 'Mundy 2002']) {
  const m = await firstQueryBytes(browser, server.url, OURS, q);
  const s = await firstQueryBytes(browser, server.url, STOCK, q);
  console.log(q, 'ours', (m.bytes/1024).toFixed(1), (m.completeBytes/1024).toFixed(1), 'stock', (s.bytes/1024).toFixed(1), (s.completeBytes/1024).toFixed(1));
  console.log('  first:', m.urls.join(' '), '\n  rest:', m.completeUrls.slice(m.urls.length).join(' '));
  console.log('  stock first:', s.urls.join(' '), '\n  rest:', s.completeUrls.slice(s.urls.length).join(' '));
}
await browser.close(); cleanup(); await server.close();
