/**
 * Screenshots of the result of each outcome (360 and 1280 px), of the call-back request sent,
 * and of the result emails as `npm run email:preview` writes them, for a human to look at
 * (after `npm run build` and `npm run email:preview`): screenshots/r-*.png.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { startSmtp } from '../tests/support/smtp.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { validLeadForm } from '../tests/support/leads.ts';
import { loadRealQuiz } from '../tests/support/quiz-fixtures.ts';
import { answersFor } from './lib/sample-answers.ts';

const quiz = loadRealQuiz();
mkdirSync('screenshots', { recursive: true });
const smtp = await startSmtp();
const server = await startServer(
  {
    DATA_DIR: await tempDataDir(),
    LEADS_MIN_FILL_SECONDS: '0',
    SMTP_URL: smtp.url,
    NOTIFY_EMAIL_TO: 'team@example.it',
  },
  path.resolve('dist'),
);
const browser = await launchBrowser();
for (const band of quiz.bands) {
  const form = validLeadForm({ email: `${band.id}@example.it`, telefono: '333 123 4567' });
  for (const [id, [option]] of Object.entries(answersFor(quiz, band.id))) form.set(`q.${id}`, option);
  const res = await fetch(`${server.url}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    body: form,
    redirect: 'manual',
  });
  const link = `${server.url}${res.headers.get('location')}`;
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(link);
    await page.screenshot({ path: `screenshots/r-${band.id}-${width}.png` });
    await page.screenshot({ path: `screenshots/r-${band.id}-${width}-full.png`, fullPage: true });
    await page.close();
  }
  if (band.nextStep?.kind === 'richiamami') {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(link);
    await page.getByLabel('Martedì').check();
    await page.getByLabel('Pomeriggio (14–18)').check();
    await page.getByRole('button', { name: 'Richiamami' }).click();
    await page.getByText('Grazie: ti chiameremo').waitFor();
    await page.screenshot({ path: `screenshots/r-${band.id}-richiamami-360.png` });
    await page.close();
  }
}
for (const band of quiz.bands) {
  for (const width of [360, 800]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`file://${path.resolve('email-preview', `${band.id}.html`)}`);
    await page.screenshot({ path: `screenshots/r-email-${band.id}-${width}.png`, fullPage: true });
    await page.close();
  }
}
await browser.close();
await server.stop();
await smtp.close();
