/**
 * Screenshots of the team area at phone and desktop widths, signed in, for a human to look
 * at: `npm run screenshots:admin [-- /admin/,/admin/contatti/]` (after `npm run build`)
 * writes PNGs to `screenshots/`. The data folder is a fresh one with 300 made-up leads, a
 * colleague and some work on one lead; CONTENT_ROOT may point at content with scheduled
 * articles (the test fixtures: .test-build/content), DIST at another build.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { signIn } from '../tests/support/journeys.ts';
import { seedLeads } from '../tests/support/seed-leads.ts';
import { openDb } from '../src/server/storage/open.ts';
import { AccountStore } from '../src/server/storage/account-store.ts';
import { LeadStore } from '../src/server/storage/lead-store.ts';
import { isoDay } from '../src/lib/format/date.ts';

const PASSWORD = 'password-per-le-schermate';
const pages = (
  process.argv[2] ??
  '/admin/,/admin/contatti/,/admin/contatti/seed-3/,/admin/commenti/,/admin/persone/,/admin/registro/,/admin/account/,/admin/pubblicazione/,/admin/privacy/'
).split(',');
const out = path.resolve('screenshots');
const dataDir = await tempDataDir();
const db = await openDb({ dataDir });
await seedLeads(db, 300);
await new AccountStore(db).create({
  email: 'carla@esempio.it',
  name: 'Carla Conti',
  role: 'commerciale',
  passwordHash: 'x',
});
const leads = new LeadStore(db);
await leads.setStatus('seed-3', 'meeting', 'admin');
await leads.setOwner('seed-3', 'carla@esempio.it', 'admin');
await leads.setFollowUp('seed-3', isoDay(new Date()), 'admin');
await leads.addNote('seed-3', 'Ha chiesto di essere richiamato giovedì mattina, dopo le 10.', 'carla@esempio.it');
await db.close();
const server = await startServer(
  { DATA_DIR: dataDir, ADMIN_PASSWORD: PASSWORD, CONTENT_ROOT: process.env.CONTENT_ROOT ?? './content' },
  path.resolve(process.env.DIST ?? 'dist'),
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
      // The first 2,400 px: a list of 50 cards is otherwise too long to look at.
      const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 2400);
      await page.screenshot({ path: path.join(out, name), fullPage: true, clip: { x: 0, y: 0, width, height } });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(path.join('screenshots', name) + (overflow > 0 ? `  ← ${overflow} px wider than the screen` : ''));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
