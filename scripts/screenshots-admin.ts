/**
 * Screenshots of the team area at phone and desktop widths, signed in, for a human to look
 * at: `npm run screenshots:admin [-- /admin/,/admin/contatti/]` (after `npm run build`)
 * writes PNGs to `screenshots/`. The data folder is a fresh one; CONTENT_ROOT may point
 * at content with scheduled articles (the test fixtures: .test-build/content).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { signIn } from '../tests/support/journeys.ts';

const PASSWORD = 'password-per-le-schermate';
const pages = (process.argv[2] ?? '/admin/,/admin/contatti/,/admin/commenti/,/admin/pubblicazione/').split(',');
const out = path.resolve('screenshots');
const server = await startServer(
  { DATA_DIR: await tempDataDir(), ADMIN_PASSWORD: PASSWORD, CONTENT_ROOT: process.env.CONTENT_ROOT ?? './content' },
  path.resolve('dist'),
);
const browser = await launchBrowser();
await mkdir(out, { recursive: true });
try {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}/admin/accesso/`);
    await signIn(page, 'admin', PASSWORD);
    await page.waitForURL(/\/admin\/$/);
    for (const p of pages) {
      await page.goto(server.url + p);
      const name = `${p.replace(/\//g, '_').replace(/^_|_$/g, '')}-${width}.png`;
      await page.screenshot({ path: path.join(out, name), fullPage: true });
      console.log(path.join('screenshots', name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
