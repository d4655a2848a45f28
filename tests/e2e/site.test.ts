import { gzipSync } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { siteUnderTest } from '../support/site-under-test.ts';
import { axeViolations, describeViolations } from '../support/browser.ts';

const site = siteUnderTest();

/** Opens a page and records every URL it requests. */
async function open(path: string, width = 390): Promise<{ page: Page; requests: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  const res = await page.goto(site.server.url + path);
  expect(res, path).not.toBeNull();
  return { page, requests };
}

describe('a reader', () => {
  it('goes from the home page to the article and reads the new definition', async () => {
    const { page } = await open('/');
    await page.getByRole('link', { name: 'Definizione di Networking: cosa significa esattamente?' }).click();
    await page.waitForURL('**/blog/definizione-di-networking/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Definizione di Networking: cosa significa esattamente?',
    );
    const definition = page.locator('figure.definizione--nuova');
    await expect(definition.textContent()).resolves.toContain('servire la comunità');
    await page.close();
  });

  it('reaches the content first with the skip link, by keyboard', async () => {
    const { page } = await open('/blog/definizione-di-networking/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Salta al contenuto');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#contenuto');
    await page.close();
  });

  it('loads nothing from another host and no framework script on an article', async () => {
    const { page, requests } = await open('/blog/definizione-di-networking/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    // Only the script that fetches the comments, then the comment form's own few lines ("Ricorda i miei dati"),
    // which arrive with them: files, not inline, so their hashes are not in every page's CSP.
    const scripts = requests.filter((u) => u.endsWith('.js')).map((u) => new URL(u).pathname);
    expect(scripts).toEqual([
      expect.stringMatching(/^\/_astro\/ArticleComments\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/),
      expect.stringMatching(/^\/_astro\/CommentForm\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/),
    ]);
    const code = (await Promise.all(scripts.map(async (s) => (await fetch(site.server.url + s)).text()))).join('\n');
    expect(gzipSync(code).length).toBeLessThan(1024);
    expect(code).not.toMatch(/preact|astro-island/i);
    await page.close();
  });

  it('gets an Italian 404 for a missing page', async () => {
    const res = await fetch(`${site.server.url}/non-esiste/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Pagina non trovata');
  });
});

describe('accessibility (axe, WCAG 2.x A/AA)', () => {
  it.each([
    ['home', '/'],
    ['article list', '/blog/'],
    ['article', '/blog/definizione-di-networking/'],
    ['tag', '/blog/tag/networking/'],
    ['tag index', '/blog/tag/'],
    ['tag, second page', '/blog/tag/metodo/2/'],
    ['search, before a search', '/cerca/'],
    ['privacy', '/privacy/'],
    ['test', '/test-gratuito/'],
    ['404', '/non-esiste/'],
  ])('%s has no violations at phone and desktop widths', async (_name, path) => {
    for (const width of [360, 1280]) {
      const { page } = await open(path, width);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.close();
    }
  });
});

describe('the axe harness', () => {
  it('does report a violation when there is one', async () => {
    const page = await site.browser.newPage();
    await page.setContent(
      '<html lang="it"><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
    await page.close();
  });
});
