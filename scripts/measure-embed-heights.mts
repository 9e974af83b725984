/**
 * npm run embed:heights: after a build, measures every embed page in Chromium in a 640 px wide frame
 * and writes the heights the embed codes ask for to src/lib/teaching/embed-heights.json. Run it
 * after changing a chapter; the browser test (tests/e2e/teaching.test.ts) says when it is due.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/helpers/browser.ts';
import { startStaticServer } from '../tests/helpers/static-server.ts';
import { EMBED_MEASURE_WIDTH, embedKey, frameHeight } from '../src/lib/teaching/embed-heights.ts';

const FILE = 'src/lib/teaching/embed-heights.json';
if (!existsSync('dist/embed')) throw new Error('dist/embed is missing: run "npm run build" first.');
const server = await startStaticServer('dist', '/');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: EMBED_MEASURE_WIDTH, height: 400 } });
const heights: Record<string, number> = {};
try {
  for (const chapter of readdirSync('dist/embed').sort()) {
    for (const section of readdirSync(`dist/embed/${chapter}`).sort()) {
      await page.goto(`${server.url}embed/${chapter}/${section}/`);
      heights[embedKey(chapter, section)] = frameHeight((await page.evaluate('document.documentElement.scrollHeight')) as number);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(FILE, `${JSON.stringify(heights, null, 2)}\n`);
console.log(`${Object.keys(heights).length} embed heights written to ${FILE}`);
