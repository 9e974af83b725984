import { chromium } from 'playwright-core';
import { startStaticServer } from './tests/helpers/static-server.ts';
const server = await startStaticServer('dist', '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const out: string[] = [];
for (const [w, scheme, js] of [[1280, 'light', true], [390, 'dark', true], [390, 'light', false], [1280, 'dark', true]] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, colorScheme: scheme, javaScriptEnabled: js, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}osteoclast-factors/`);
  await page.waitForTimeout(800);
  const fig = page.locator('#fig-vicious-cycle .fig-drawing');
  const file = `/tmp/weight-fig-${w}-${scheme}-${js ? 'js' : 'nojs'}.png`;
  await fig.screenshot({ path: file });
  const info = await page.evaluate(() => ({ inlineNarrow: !!document.querySelector('svg.fig-narrow'), picture: !!document.querySelector('picture.fig-narrow'), scroll: document.documentElement.scrollWidth }));
  out.push(`${file} ${JSON.stringify(info)} errors=${JSON.stringify(errors)}`);
  await ctx.close();
}
await browser.close();
await server.close();
console.log(out.join('\n'));
