import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { editorRepo, MEMBER_PASSWORD, signedInMember } from '../support/editor-setup.ts';
import { ROOT } from '../support/paths.ts';

/*
 * The web editor in Chromium, as a member of the redazione uses it: the founding article opens in the form,
 * every request goes to this site, a change saved from the form is one commit whose body is byte for byte the
 * article's. Screenshots (360 and 1280 px) land in screenshots/ for the closing note.
 */

const FOUNDING = 'content/articles/definizione-di-networking.mdx';
let server: RunningServer;
let browser: Browser;
let repo: string;
let git: (...args: string[]) => string;
const requests: string[] = [];
const problems: string[] = [];

async function signIn(page: Page) {
  await page.goto(`${server.url}/admin/accesso/`);
  await page.fill('#utente', 'redazione@esempio.it');
  await page.fill('#password', MEMBER_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/admin/`), page.click('button[type=submit]')]);
}

async function openFounding(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page);
  await page.goto(`${server.url}/admin/redazione/#/collections/articoli/entries/definizione-di-networking`);
  try {
    await page.waitForSelector('input[value^="Definizione di Networking"]', { timeout: 45_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(ROOT, 'screenshots', `editor-failed-${width}.png`) });
    throw new Error(
      `${String(error)}\n${problems.join('\n')}\n${(await page.locator('body').innerText()).slice(0, 500)}`,
    );
  }
  await page.waitForTimeout(1000);
  return page;
}

beforeAll(async () => {
  const dataDir = await tempDataDir();
  ({ repo, git } = await editorRepo());
  server = await startServer({ DATA_DIR: dataDir, CMS_REPO_DIR: repo });
  await signedInMember(server.url, dataDir, 'redazione@esempio.it', 'redazione');
  browser = await launchBrowser();
  await mkdir(path.join(ROOT, 'screenshots'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(repo, { recursive: true, force: true });
});

describe('the web editor in a browser', () => {
  it('opens the founding article in Italian, at 1280 and 360 px, asking nothing of another host', async () => {
    for (const width of [1280, 360]) {
      const page = await openFounding(width);
      expect(await page.locator('body').innerText()).toMatch(/Titolo|Pubblica/);
      await page.screenshot({ path: path.join(ROOT, 'screenshots', `editor-${width}.png`) });
      await page.close();
    }
    const others = requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
    expect(others).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|Refused/.test(p))).toEqual([]);
  }, 120_000);

  it('saves a change from the form as one commit, with the body untouched byte for byte', async () => {
    const original = await readFile(path.join(repo, FOUNDING), 'utf8');
    const page = await openFounding(1280);
    const title = page.locator('input[value^="Definizione di Networking"]');
    await title.fill('Definizione di Networking: che cosa significa davvero?');
    await page
      .getByRole('button', { name: /Pubblica/ })
      .first()
      .click();
    const clicked = Date.now();
    await page.getByText(/Pubblica ora/).click();
    await expect.poll(() => git('log', '-1', '--format=%an'), { timeout: 20_000 }).toBe('Persona redazione\n');
    console.log(`editor: click → commit in ${Date.now() - clicked} ms`);
    // In Italian, as the history reads in the team's git log (Decap takes its messages from `backend`).
    expect(git('log', '-1', '--format=%s')).toMatch(/^Aggiorna articolo “/);
    await page.screenshot({ path: path.join(ROOT, 'screenshots', 'editor-saved-1280.png') });
    const saved = await readFile(path.join(repo, FOUNDING), 'utf8');
    expect(saved).toContain('title: "Definizione di Networking: che cosa significa davvero?"');
    const body = (text: string) => text.slice(text.indexOf('\n---\n', 4));
    expect(body(saved)).toBe(body(original));
    await page.close();
  }, 120_000);

  it('the pages we own around it pass axe: Anteprime and a draft’s preview', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await signIn(page);
    await page.goto(`${server.url}/admin/redazione/anteprima/`);
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Crea il link' }).first().click()]);
    const link = await page.locator('code.admin-secret').innerText();
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}${new URL(link).pathname}`);
    expect(await page.locator('h1').innerText()).not.toBe('');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(ROOT, 'screenshots', 'preview-360.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
