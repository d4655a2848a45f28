import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

import { siteUnderTest } from '../support/site-under-test.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { readDb } from '../support/leads.ts';
import { signIn } from '../support/journeys.ts';

const PASSWORD = 'password-del-team-di-prova';
const quiz = loadRealQuiz();
const site = siteUnderTest({ ADMIN_PASSWORD: PASSWORD, LEADS_MIN_FILL_SECONDS: '0', COMMENTS_FLOOD_SECONDS: '0' });

/** A prospect takes the test in the browser and leaves their contact. */
async function takeTheTest(email: string) {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/test-gratuito/`);
  for (const question of quiz.questions) {
    await page.getByLabel(question.options[1].label, { exact: true }).check();
    await page.getByRole('button', { name: 'Avanti' }).click();
  }
  await page.getByLabel('Nome', { exact: true }).fill('Sara');
  await page.getByLabel('Cognome').fill('Galli');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Azienda').fill('Galli Consulenze');
  await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
  await page.locator('.result__title').waitFor();
  await page.close();
}

describe('the team at work', () => {
  it('signs in, finds the lead, exports it, approves a comment and erases a person', async () => {
    await takeTheTest('sara@galli.it');
    const page = await site.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });

    await page.goto(`${site.server.url}/admin/contatti/`);
    expect(page.url()).toContain('/admin/accesso/?dopo=');
    await expectNoAxeViolations(page);
    await signIn(page, 'admin', PASSWORD);
    await page.waitForURL('**/admin/contatti/');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Sara Galli' }).click();
    await page.getByRole('heading', { name: /Risultato:/ }).waitFor();
    expect(await page.getByText(quiz.questions[0].text).count()).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto(`${site.server.url}/admin/contatti/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Esporta CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('sara@galli.it');
    expect(csv).toContain('Galli Consulenze');

    // A reader comments; the moderator approves it from the queue.
    const article = await (await fetch(`${site.server.url}/blog/definizione-di-networking/commenti/`)).text();
    const start_token = /name="start_token" value="([^"]+)"/.exec(article)![1];
    await fetch(`${site.server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: site.server.url },
      body: JSON.stringify({
        articolo: 'definizione-di-networking',
        nome: 'Sara Galli',
        email: 'sara@galli.it',
        commento: 'Il test mi ha chiarito molto.',
        privacy_version: '2026-11-29',
        start_token,
      }),
    });
    await page.goto(`${site.server.url}/admin/commenti/`);
    await expectNoAxeViolations(page);
    await page.getByLabel(/Seleziona il commento \d+ di Sara Galli/).check();
    await page.getByRole('button', { name: 'Approva i selezionati' }).click();
    await page.getByText('Commenti aggiornati: 1.').waitFor();
    expect(readDb(site.dataDir).leads).toHaveLength(1);

    // Sara asks to be erased.
    await page.goto(`${site.server.url}/admin/privacy/`);
    await page.getByLabel('Email della persona').fill('sara@galli.it');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByText('1 contatti, 2 consensi, 1 commenti').waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(/Confermo: cancella/).check();
    await page.getByRole('button', { name: 'Cancella i dati' }).click();
    await page.getByText(/Dati cancellati: 1 contatti/).waitFor();
    expect(readDb(site.dataDir).leads).toHaveLength(0);

    await page.goto(`${site.server.url}/admin/`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^Esci \(/ }).click();
    await page.waitForURL('**/admin/accesso/');
    await page.close();
  });
});
