import { describe, it, expect } from 'vitest';
import type { Route } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { siteUnderTest } from '../support/site-under-test.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { ROOT } from '../support/paths.ts';
import { writeComment } from '../support/journeys.ts';

const ARTICLE = '/blog/definizione-di-networking/';
// Scripted readers type in milliseconds: the minimum writing time would hold them as bots.
const site = siteUnderTest({ LEADS_MIN_FILL_SECONDS: '0', COMMENTS_FLOOD_SECONDS: '0' });

function moderate(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/comments.ts'), ...args], {
    env: cleanEnv({ DATA_DIR: site.dataDir }),
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('a reader with JavaScript', () => {
  it('comments, is held, is approved by the moderator, and sees the comment on reload', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(site.server.url + ARTICLE);
    await page.getByText('Nessun commento per ora').waitFor();
    await page.getByLabel(/Ricorda i miei dati/).check();
    await writeComment(page, 'Chiara Neri', 'chiara@example.it', 'Bellissimo articolo.\n\nMi ha fatto pensare.');
    await page.getByText('Il tuo commento è in attesa di moderazione').waitFor();
    await expectNoAxeViolations(page);

    const id = /#(\d+) \[pending/.exec(moderate('list', '--pending'))![1];
    expect(moderate('approve', id)).toContain('approved');

    await page.goto(site.server.url + ARTICLE);
    await page.getByRole('heading', { name: '1 commento' }).waitFor();
    const comment = page.locator(`#commento-${id}`);
    expect(await comment.locator('p').allTextContents()).toContain('Mi ha fatto pensare.');
    expect(await comment.locator('.comment__avatar').textContent()).toBe('CN');
    // "Ricorda i miei dati" filled the form from this browser's storage.
    expect(await page.getByRole('textbox', { name: /^Email/ }).inputValue()).toBe('chiara@example.it');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('sees the errors next to the fields when the server refuses the comment', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.url}${ARTICLE}commenti/`);
    await writeComment(page, 'Luca', 'luca@localhost', 'Commento con email sbagliata.');
    await page.getByText('Il commento non è stato inviato:').waitFor();
    expect(await page.getByRole('textbox', { name: /^Email/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: /^Commento/ }).inputValue()).toBe('Commento con email sbagliata.');
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe('a reader whose comments do not arrive', () => {
  it.each([
    ['a lost connection', (route: Route) => route.abort('internetdisconnected')],
    ['a server error', (route: Route) => route.fulfill({ status: 503, body: '' })],
  ])('after %s is told so, with the link to the comments page', async (_name, answer) => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    // The static page itself arrived; only the request for its comments fails.
    await page.route('**/commenti/sezione/', answer);
    await page.goto(site.server.url + ARTICLE);
    await page.getByText('Non è stato possibile caricare i commenti.').waitFor();
    const link = page.locator('#commenti').getByRole('link', { name: 'pagina dei commenti' });
    expect(await link.getAttribute('href')).toBe(`${ARTICLE}commenti/`);
    expect(await page.getByRole('heading', { name: 'Commenti', exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe('a reader without JavaScript', () => {
  it('finds the form under the article, comments and gets "in attesa di moderazione"', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.server.url + ARTICLE);
    expect(await page.getByRole('link', { name: 'Leggi i commenti' }).count()).toBe(1);
    // "Ricorda i miei dati" needs the script: without it the box is not offered.
    expect(await page.getByText(/Ricorda i miei dati/).isVisible()).toBe(false);
    await writeComment(page, 'Senza Script', 'noscript@example.it', 'Scritto senza JavaScript.');
    await page.getByText('Il tuo commento è in attesa di moderazione').waitFor();
    expect(page.url()).toContain('/commenti/?stato=in-attesa');
    expect(moderate('list', '--pending')).toContain('noscript@example.it');
    await context.close();
  });
});
