import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';

import { siteUnderTest } from '../support/site-under-test.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { readDb } from '../support/leads.ts';
import { openTest, signIn } from '../support/journeys.ts';

const PASSWORD = 'password-del-team-di-prova';
const quiz = loadRealQuiz();
const site = siteUnderTest({ ADMIN_PASSWORD: PASSWORD, LEADS_MIN_FILL_SECONDS: '0', COMMENTS_FLOOD_SECONDS: '0' });

/** A prospect takes the test in the browser and leaves their contact. */
async function takeTheTest(email: string) {
  const page = await site.browser.newPage();
  await openTest(page, `${site.server.url}/test-gratuito/`);
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

/** A reader's comment on the founding article, held for moderation (a first comment). */
async function postComment(nome: string, email: string, commento: string) {
  const article = await (await fetch(`${site.server.url}/blog/definizione-di-networking/commenti/`)).text();
  const start_token = /name="start_token" value="([^"]+)"/.exec(article)![1];
  const res = await fetch(`${site.server.url}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site.server.url },
    body: JSON.stringify({
      articolo: 'definizione-di-networking',
      nome,
      email,
      commento,
      privacy_version: '2026-11-29',
      start_token,
    }),
  });
  expect(res.status).toBe(201);
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
      page.getByRole('link', { name: 'Esporta in CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('sara@galli.it');
    expect(csv).toContain('Galli Consulenze');

    // A reader comments; the moderator approves it from the queue.
    await postComment('Sara Galli', 'sara@galli.it', 'Il test mi ha chiarito molto.');
    await page.goto(`${site.server.url}/admin/commenti/`);
    await expectNoAxeViolations(page);
    await page.getByRole('checkbox', { name: /Sara Galli/ }).check();
    await page.getByRole('button', { name: 'Pubblica i selezionati' }).click();
    await page.getByText('Commenti pubblicati: 1.').waitFor();
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

  it('works a lead on a phone: every team page fits 360 px, is axe-clean, and the pipeline works by keyboard', async () => {
    await takeTheTest('piero@telefono.it');
    const page = await site.browser.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const fits = async () => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, page.url()).toBeLessThanOrEqual(360);
    };
    await page.goto(`${site.server.url}/admin/accesso/`);
    await signIn(page, 'admin', PASSWORD);
    await page.waitForURL('**/admin/');

    // The titolare adds a colleague; the temporary password is shown once.
    await page.goto(`${site.server.url}/admin/persone/`);
    await page.getByLabel('Nome', { exact: true }).fill('Carla Conti');
    await page.getByLabel('Email').fill('carla@vendite.it');
    await page.getByRole('button', { name: 'Aggiungi' }).click();
    await page.getByText('Password temporanea per carla@vendite.it').waitFor();
    await fits();
    await expectNoAxeViolations(page);

    await page.goto(`${site.server.url}/admin/contatti/`);
    await fits();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Sara Galli' }).click();
    await page.getByRole('heading', { name: 'A che punto siamo' }).waitFor();
    await fits();
    await expectNoAxeViolations(page);

    // By keyboard only: status, owner, a follow-up day, save; then a note.
    await page.getByLabel('Stato').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Carla');
    // The earliest day the field takes: today in Rome, the server's. Today in UTC is yesterday there from
    // midnight to 1 or 2 am, and the browser would refuse it (it failed CI at 23:14 UTC).
    const today = await page.getByLabel('Ricontattare il').getAttribute('min');
    await page.getByLabel('Ricontattare il').fill(today!);
    await page.getByLabel('Ricontattare il').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Salvato.').waitFor();
    await page.getByLabel('Aggiungi una nota').focus();
    await page.keyboard.type('Chiamato: richiamare giovedì mattina.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Nota aggiunta.').waitFor();
    const history = page.locator('.lead-history');
    await history.getByText(/admin ha spostato il contatto da «nuovo» a «appuntamento fissato»/).waitFor();
    await history.getByText('admin ha affidato il contatto a Carla Conti.').waitFor();
    await history.getByText('Chiamato: richiamare giovedì mattina.').waitFor();
    await fits();
    await expectNoAxeViolations(page);

    for (const p of [
      '/admin/',
      '/admin/commenti/',
      '/admin/registro/',
      '/admin/account/',
      '/admin/pubblicazione/',
      '/admin/statistiche/',
    ]) {
      await page.goto(site.server.url + p);
      await fits();
      await expectNoAxeViolations(page);
    }
    // The moderation queue with a reply being written.
    await postComment('Piero Telefono', 'piero@telefono.it', 'Si può fare il test dal telefono?');
    await page.goto(`${site.server.url}/admin/commenti/`);
    await page.getByText('Rispondi come Segnalazione Vincente').first().click();
    await page.getByLabel('La tua risposta, firmata Segnalazione Vincente').first().fill('Sì, funziona ovunque.');
    await fits();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Pubblica il commento e la risposta' }).first().click();
    await page.getByText('Risposta pubblicata; il commento a cui rispondi è stato pubblicato con lei.').waitFor();
    await page.close();
  });
});
