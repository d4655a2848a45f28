import { describe, it, expect } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { siteWithMail } from '../support/site-under-test.ts';
import { readDb, eventually } from '../support/leads.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { fillContact, openTest, plainForm } from '../support/journeys.ts';
import { answersFor } from '../../scripts/lib/sample-answers.ts';

/*
 * The next step of each outcome (issue 16): "richiamami" stores the request on the lead and
 * tells the team, with and without JavaScript; the result shows levels, never "N su 100";
 * the team's numbers are one tap away; reading for those not yet in target.
 */
const quiz = loadRealQuiz();
const site = siteWithMail({ LEADS_RATE_LIMIT: '100' });

const band = (id: string) => quiz.bands.find((b) => b.id === id)!;
const optionLabel = (questionId: string, optionId: string) => {
  const q = quiz.questions.find((x) => x.id === questionId)!;
  return q.options.find((o) => o.id === optionId)!.label;
};

/** A page in a browser with JavaScript on (the island) or off (the plain form); axe runs either way. */
async function newPage(js: boolean, width = 360) {
  const context = await site.browser.newContext({ javaScriptEnabled: js, viewport: { width, height: 740 } });
  const page = await context.newPage();
  return { context, page };
}

/** Takes the test towards an outcome, with the island (`js`) or as the plain form. */
async function takeTest(page: Page, outcome: string, email: string, js: boolean) {
  const answers = answersFor(quiz, outcome);
  const url = `${site.server.url}/test-gratuito/`;
  await (js ? openTest(page, url) : page.goto(url));
  const form = js ? page : plainForm(page);
  for (const q of quiz.questions) {
    if (js) await page.getByRole('heading', { name: q.text }).waitFor();
    await form.getByLabel(optionLabel(q.id, answers[q.id][0]), { exact: true }).check();
    if (js) await page.getByRole('button', { name: 'Avanti' }).click();
  }
  await fillContact(page, email);
  await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
  await page.locator('.result__title').waitFor();
}

async function askCallback(page: Page) {
  await page.getByLabel('Martedì').check();
  await page.getByLabel('Giovedì').check();
  await page.getByLabel('Pomeriggio (14–18)').check();
  await page.getByLabel('Il tuo telefono').fill('333 765 4321');
  await page.getByRole('button', { name: 'Richiamami' }).click();
  await page
    .getByText('Grazie: ti chiameremo martedì o giovedì, di pomeriggio (14–18), al +39 333 765 4321.')
    .waitFor();
}

const leadOf = (email: string) => readDb(site.dataDir).leads.find((l) => l.email === email)!;

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the next step %s', (_, js) => {
  it('"In target": the call-back request leads, and updates the lead and tells the team', async () => {
    const { context, page } = await newPage(js);
    const email = `richiamami.${js ? 'js' : 'nojs'}@azienda.it`;
    await takeTest(page, 'in-target', email, js);
    expect(await page.locator('.result__title').textContent()).toBe(band('in-target').title);
    const form = page.locator('form.callback');
    // The strongest action sits above the fold of a phone.
    const box = await page.getByRole('heading', { name: band('in-target').nextStep!.title }).boundingBox();
    if (!js) expect(box!.y).toBeLessThan(740);
    expect(await form.count()).toBe(1);
    expect(await page.locator('body').textContent()).not.toMatch(/\d+\s*su\s*100/);
    await expectNoAxeViolations(page);

    if (js) {
      // The island counted each step once, anonymously: the test opened, every question, the contacts.
      const db = new DatabaseSync(path.join(site.dataDir, 'site.db'), { readOnly: true });
      const steps = db
        .prepare("SELECT event, SUM(hits) AS n FROM funnel_counts WHERE event LIKE 'step:%' GROUP BY event")
        .all();
      db.close();
      expect(steps.length).toBe(quiz.questions.length + 1);
    }
    await askCallback(page);
    await expectNoAxeViolations(page);
    const row = leadOf(email);
    expect(JSON.parse(String(row.callback))).toMatchObject({
      days: ['mar', 'gio'],
      slot: 'pomeriggio',
      phone: '+393337654321',
    });
    expect(row.telefono).toBe('+393337654321');
    await eventually(
      () =>
        site.smtp.mails.some(
          (m) => m.subject === `Richiamami: Mario Rossi, Rossi Srl` && m.text.includes(String(row.id)),
        ),
      10_000,
      'the team told of the call-back',
    );
    // A reload does not send it again: the page was reached by a redirect (303) after the POST.
    await page.reload();
    await page.getByText('Grazie: ti chiameremo').waitFor();
    expect(
      site.smtp.mails.filter((m) => m.text.includes(String(row.id)) && m.subject.startsWith('Richiamami')),
    ).toHaveLength(1);
    await context.close();
  });
});

describe('the next step for other outcomes', () => {
  it('shows what is missing in the call-back form, without JavaScript, keeping what was typed', async () => {
    const { context, page } = await newPage(false);
    await takeTest(page, 'potenzialmente-in-target', 'errori@azienda.it', false);
    await page.getByLabel('Lunedì').check();
    await page.getByLabel('Il tuo telefono').fill('12');
    // Skip the browser's own checks so the server's answer shows.
    await page.locator('form.callback').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Richiamami' }).click();
    await page.getByText('Scegli una fascia oraria.').waitFor();
    await page.getByText('Scrivi un numero di telefono italiano').waitFor();
    expect(await page.getByLabel('Lunedì').isChecked()).toBe(true);
    expect(await page.getByLabel('Il tuo telefono').inputValue()).toBe('12');
    await expectNoAxeViolations(page);
    expect(leadOf('errori@azienda.it').callback).toBeNull();
    await context.close();
  });

  it('"Non ancora in target": reading for each weak category, and the team’s numbers one tap away elsewhere', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await takeTest(page, 'non-ancora-in-target', 'letture@azienda.it', true);
    await page.getByRole('heading', { name: band('non-ancora-in-target').nextStep!.title }).waitFor();
    const reading = page.locator('.next__reading li');
    expect(await reading.count()).toBeGreaterThan(0);
    expect(await reading.first().textContent()).toMatch(/\(per .+\)/);
    expect(await page.locator('form.callback').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Su cosa lavorare' }).count()).toBe(1);
    expect(await page.getByText('Da costruire').count()).toBeGreaterThan(0);
    expect(await page.locator('body').textContent()).not.toMatch(/\d+\s*su\s*100/);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('names the consultant who will call, with a face, and nobody where the next step is reading', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await takeTest(page, 'in-target', 'consulente@azienda.it', true);
    const next = page.locator('section.next');
    const consultant = next.locator('figure.consultant');
    expect(await consultant.locator('figcaption').textContent()).toBe(
      'Marco Prova, consulente per le reti di segnalazione' +
        'Ti chiamo io, all’orario che scegli: in venti minuti vediamo se la rete fa per voi.',
    );
    // The photo is astro:assets' work, decoration beside the name, and it loads.
    const photo = consultant.locator('img');
    expect(await photo.getAttribute('alt')).toBe('');
    expect(await photo.getAttribute('width')).toBe('72');
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectNoAxeViolations(page);

    await page.close();

    // A new visitor (the test keeps the last one's progress in its tab).
    const reader = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await takeTest(reader, 'non-ancora-in-target', 'consulente.letture@azienda.it', true);
    expect(await reader.locator('figure.consultant').count()).toBe(0);
    await reader.close();
  });

  it('offers click-to-call and WhatsApp to the team’s numbers from content', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await takeTest(page, 'in-target', 'chiama@azienda.it', true);
    expect(await page.getByRole('link', { name: 'Chiama +39 02 1234 5678' }).getAttribute('href')).toBe(
      'tel:+390212345678',
    );
    expect(await page.getByRole('link', { name: 'Scrivici su WhatsApp' }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\/393331234567\?text=/,
    );
    await page.close();
  });

  it('"Invita un collega": the phone’s share sheet and a copy button where the browser has them', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    // Desktop Chromium on Linux has no share sheet: stand in for the browser's, recording what it is given.
    await context.addInitScript(() => {
      const w = window as unknown as { shared: ShareData[] };
      w.shared = [];
      Object.assign(navigator, { share: (data: ShareData) => (w.shared.push(data), Promise.resolve()) });
    });
    const page = await context.newPage();
    await takeTest(page, 'potenzialmente-in-target', 'invita@azienda.it', true);
    const invite = page.getByRole('region', { name: 'Conosci un’azienda a cui servirebbe?' });
    const link = await invite.getByRole('textbox').inputValue();
    expect(new URL(link).searchParams.get('utm_campaign')).toBe('invita-un-collega');

    await invite.getByRole('button', { name: 'Condividi il test' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([expect.objectContaining({ url: link })]);

    await invite.getByRole('button', { name: 'Copia' }).click();
    await invite.getByText('Link copiato: incollalo dove vuoi.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('"Invita un collega" without JavaScript: no button that cannot work, the link ready to copy', async () => {
    const { context, page } = await newPage(false);
    await takeTest(page, 'potenzialmente-in-target', 'invita.nojs@azienda.it', false);
    const invite = page.getByRole('region', { name: 'Conosci un’azienda a cui servirebbe?' });
    expect(await invite.getByRole('button').count()).toBe(0);
    expect(await invite.getByRole('link').count()).toBe(3);
    expect(await invite.getByRole('textbox').inputValue()).toMatch(/utm_campaign=invita-un-collega/);
    await context.close();
  });
});
