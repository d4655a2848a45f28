/**
 * Screenshots of the main pages at phone and desktop widths, for a human to look at:
 * `npm run screenshots` (after `npm run build`) writes PNGs to `screenshots/`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../tests/support/server.ts';
import { launchBrowser } from '../tests/support/browser.ts';

const pages = (
  process.argv[2] ??
  '/,/blog/,/blog/definizione-di-networking/,/blog/tag/,/cerca/?q=relazioni,/test-gratuito/,/privacy/,/non-esiste/'
).split(',');
const widths = [360, 768, 1280];
const out = path.resolve('screenshots');

const server = await startServer({}, path.resolve('dist'));
const browser = await launchBrowser();
await mkdir(out, { recursive: true });
try {
  for (const p of pages) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(server.url + p);
      const name = `${p.replace(/[/?=]/g, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      // Long pages shrink to illegibility in one image: also save them a screen at a time.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, part = 1; y < height && part <= 6; y += 900, part++) {
        const clip = { x: 0, y, width, height: Math.min(900, height - y) };
        await page.screenshot({ path: path.join(out, name.replace('.png', `.${part}.png`)), fullPage: true, clip });
      }
      await page.close();
      console.log(path.join('screenshots', name));
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
