/**
 * Screenshots of the free test's states, for a human to look at (after `npm run build`):
 * an unanswered question, the contact step with errors, the result (360 and 1280 px), and
 * the plain form sent back by the server with its error summary (no JavaScript).
 */
import path from 'node:path';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { loadRealQuiz } from '../tests/support/quiz-fixtures.ts';
const quiz = loadRealQuiz();
const server = await startServer({ DATA_DIR: await tempDataDir(), LEADS_MIN_FILL_SECONDS: '0' }, path.resolve('dist'));
const browser = await launchBrowser();
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(server.url + '/test-gratuito/');
  await page.getByRole('button', { name: 'Avanti' }).click();
  await page.screenshot({ path: `screenshots/j-error-${width}.png` });
  for (const q of quiz.questions) {
    await page.getByLabel(q.options[2 % q.options.length].label, { exact: true }).check();
    await page.getByRole('button', { name: 'Avanti' }).click();
  }
  await page.getByLabel('Nome', { exact: true }).fill('Mario');
  await page.getByLabel('Email', { exact: true }).fill('mario@');
  await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
  await page.screenshot({ path: `screenshots/j-contact-${width}.png`, fullPage: true });
  await page.getByLabel('Cognome').fill('Rossi');
  await page.getByLabel('Email', { exact: true }).fill('mario@azienda.it');
  await page.getByLabel('Azienda').fill('Rossi Srl');
  await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
  await page.locator('.result__title').waitFor();
  await page.screenshot({ path: `screenshots/j-result-${width}.png`, fullPage: true });
  await page.close();
}
const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 900 } });
const p = await ctx.newPage();
await p.goto(server.url + '/test-gratuito/');
await p.getByLabel(quiz.questions[0].options[0].label, { exact: true }).check();
await p.getByLabel('Nome', { exact: true }).fill('Anna');
// Skip the browser's own checks so the server's answer (422 with the summary) shows.
await p.locator('form').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
await p
  .getByRole('button', { name: 'Invia e scopri il risultato' })
  .click()
  .catch(() => {});
await p.waitForLoadState();
await p.screenshot({ path: 'screenshots/j-nojs-422-360.png' });
await browser.close();
await server.stop();
