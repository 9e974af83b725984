import { startStaticServer } from '../tests/helpers/static-server.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
const server = await startStaticServer('dist', '/');
const browser = await launchChromium();
const page = await browser.newPage();
for (const q of process.argv.slice(2)) {
await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
await page.waitForFunction(() => /found|Nothing/.test(document.querySelector('.search-status')?.textContent ?? ''));
console.log(await page.evaluate(() => document.querySelector('.search-status')!.textContent + '\n' + [...document.querySelectorAll('.search-output a.result-link')].map(a => a.getAttribute('href') + ' | ' + a.textContent).join('\n')));
}
await browser.close(); await server.close();
