import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { siteUnderTest } from '../support/site-under-test.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { TEST_CLIENT } from '../support/paths.ts';

const site = siteUnderTest();
const FOUNDING = 'Definizione di Networking: cosa significa esattamente?';

/** Opens the search page, records what it loads and any CSP complaint, and searches for `query` by keyboard. */
async function search(query: string, width = 390): Promise<{ page: Page; requests: string[]; csp: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  const csp: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && csp.push(m.text()));
  await page.goto(`${site.server.url}/cerca/`);
  await page.getByLabel('Che cosa cerchi?').fill(query);
  await page.keyboard.press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: /risultat/ })
    .waitFor();
  return { page, requests, csp };
}

const results = (page: Page) => page.locator('.search__results li');

describe('search', () => {
  it.each(['definizione', 'relazioni', 'relazione', 'definizioni'])(
    'finds the founding article from “%s”, with its date and an excerpt',
    async (query) => {
      const { page } = await search(query);
      const hit = results(page).filter({ has: page.getByRole('link', { name: FOUNDING }) });
      await expect(hit.getByRole('link').getAttribute('href')).resolves.toBe('/blog/definizione-di-networking/');
      await expect(hit.textContent()).resolves.toContain('29 novembre 2026');
      await expect(hit.locator('mark').count()).resolves.toBeGreaterThan(0);
      await page.close();
    },
  );

  it('says when nothing is found, and keeps the query in the address for a reload', async () => {
    const { page } = await search('zanzibar');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Nessun risultato per «zanzibar»');
    await expect(results(page).count()).resolves.toBe(0);
    await page.goto(`${site.server.url}/cerca/?q=relazioni`);
    await page
      .getByRole('status')
      .filter({ hasText: /risultat/ })
      .waitFor();
    await expect(page.getByLabel('Che cosa cerchi?').inputValue()).resolves.toBe('relazioni');
    await expect(results(page).count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('lists articles and pages only: never a list, a tag page or the test', async () => {
    const { page } = await search('articoli');
    const hrefs = await results(page)
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs) expect(href).toMatch(/^\/(blog\/[^/]+|privacy)\/$/);
    await page.close();
  });

  it('runs under the hashed CSP, asks no other host, and loads a first search within 200 KB gzip', async () => {
    const { page, requests, csp } = await search('relazioni');
    expect(csp).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    const searchFiles = requests.filter((u) => u.includes('/pagefind/')).map((u) => new URL(u).pathname);
    const sizes = searchFiles.map((file) => {
      const bytes = readFileSync(path.join(TEST_CLIENT, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const sum = (key: 'raw' | 'gzip') => sizes.reduce((a, s) => a + s[key], 0);
    console.log(
      `first search: ${sizes.length} files, ${(sum('raw') / 1024).toFixed(0)} KB, ${(sum('gzip') / 1024).toFixed(0)} KB gzip\n` +
        sizes.map((s) => `  ${s.file}: ${s.raw} B, ${s.gzip} B gzip`).join('\n'),
    );
    expect(sum('gzip')).toBeLessThanOrEqual(200 * 1024);
    await page.close();
  });

  it('works by keyboard: from the field to the button to the first result', async () => {
    const { page } = await search('definizione');
    await page.getByLabel('Che cosa cerchi?').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cerca');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('.search__results') !== null)).resolves.toBe(true);
    await page.close();
  });

  it.each([360, 1280])('has no axe violations with results shown, at %i px', async (width) => {
    const { page } = await search('relazioni', width);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('without JavaScript, says so and offers the topics instead of a form that cannot work', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/cerca/`);
    await expect(page.locator('form.search').isVisible()).resolves.toBe(false);
    const notice = page.locator('p.notice');
    await expect(notice.textContent()).resolves.toContain('La ricerca ha bisogno di JavaScript');
    await expect(notice.getByRole('link', { name: 'argomento' }).getAttribute('href')).resolves.toBe('/blog/tag/');
    await context.close();
  });

  it('is reached from the header of every page', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/blog/definizione-di-networking/`);
    await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Cerca' }).click();
    await page.waitForURL('**/cerca/');
    await page.close();
  });
});
