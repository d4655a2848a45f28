import { describe, it, expect } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { siteWithMail } from '../support/site-under-test.ts';
import { readDb, eventually } from '../support/leads.ts';
import { expectNoAxeViolations } from '../support/browser.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { leadPayloadSchema } from '../../src/lib/leads/lead-schema.ts';
import { fillContact, openTest, plainForm } from '../support/journeys.ts';

const quiz = loadRealQuiz();
const site = siteWithMail();

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Answers the current question by keyboard: Tab into the options, Space to choose, Enter to go on. */
async function answerByKeyboard(page: Page) {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

describe('the free test with JavaScript', () => {
  it('is completed by keyboard alone up to the contact form, on a 360px screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await openTest(page, `${site.server.url}/test-gratuito/?da=definizione-di-networking&utm_source=newsletter`);
    expect(await page.locator('.quiz__step').textContent()).toBe(`Domanda 1 di ${quiz.questions.length}`);
    await expectNoAxeViolations(page);

    // Start from the top of the page, as a keyboard user would.
    await page.locator('#contenuto').focus();
    for (
      let tab = 0;
      tab < 40 && !(await page.evaluate(() => document.activeElement?.matches('input[type=radio]')));
      tab++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');

    for (let i = 1; i < quiz.questions.length; i++) {
      await page
        .locator('.quiz__step')
        .getByText(`Domanda ${i + 1} di ${quiz.questions.length}`)
        .waitFor();
      expect(await focusedText(page)).toBe(quiz.questions[i].text);
      await answerByKeyboard(page);
    }
    await page.locator('.quiz__step').getByText('Ultimo passo').waitFor();
    expect(await focusedText(page)).toBe('Dove possiamo ricontattarti?');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('submits the lead: the outcome is shown, the lead stored and the team emailed', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const sent: Request[] = [];
    const beacons: string[] = [];
    // The funnel's beacons say which step was reached, never an answer; anything else waits for the submit.
    page.on('request', (r) =>
      r.url().endsWith('/api/leads/funnel') ? beacons.push(r.postData() ?? '') : r.method() === 'POST' && sent.push(r),
    );
    await openTest(page, `${site.server.url}/test-gratuito/?da=definizione-di-networking&utm_source=newsletter`);
    for (const question of quiz.questions) {
      await page.getByRole('heading', { name: question.text }).waitFor();
      await page.getByLabel(question.options[0].label, { exact: true }).check();
      expect(sent).toHaveLength(0);
      await page.getByRole('button', { name: 'Avanti' }).click();
    }
    await fillContact(page, 'mario.e2e@azienda.it');
    await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
    const title = page.locator('.result__title');
    await title.waitFor();
    await expectNoAxeViolations(page);

    expect(sent).toHaveLength(1);
    expect(beacons).toEqual(
      Array.from(
        { length: quiz.questions.length + 1 },
        (_, step) => `${quiz.id}|${quiz.version}|${step}|definizione-di-networking|`,
      ),
    );
    const body = leadPayloadSchema.parse(sent[0].postDataJSON());
    expect(body.context).toMatchObject({
      utm: { utm_source: 'newsletter' },
      sourceArticle: 'definizione-di-networking',
    });
    const [row] = readDb(site.dataDir).leads.filter((l) => l.email === 'mario.e2e@azienda.it');
    expect(row).toMatchObject({ spam: 0, form: 'test-gratuito:json', source_article: 'definizione-di-networking' });
    expect(quiz.bands.find((b) => b.id === row.outcome)?.title).toBe(await title.textContent());
    await eventually(() => site.smtp.mails.some((m) => m.text.includes(String(row.id))), 10_000, 'the team email');
    await page.close();
  });
});

describe('the free test on a slow phone', () => {
  it('keeps an answer chosen before the island took over', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    // The island's code arrives late, as on a slow connection: its first question, drawn by the server, is there.
    let release = () => {};
    const arrived = new Promise<void>((r) => (release = r));
    await page.route('**/_astro/QuizForm*.js', async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${site.server.url}/test-gratuito/`);
    expect(await page.locator('astro-island[ssr]').count()).toBe(1);
    const option = page.getByLabel(quiz.questions[0].options[2].label, { exact: true });
    await option.check();
    release();
    await page.locator('astro-island:not([ssr])').waitFor();
    await page.evaluate(() => new Promise((woken) => setTimeout(woken)));
    expect(await option.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Avanti' }).click();
    await page.locator('.quiz__step').getByText(`Domanda 2 di ${quiz.questions.length}`).waitFor();
    await page.close();
  });
});

describe('the free test without JavaScript', () => {
  it('is one complete plain form posting to the lead endpoint', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/test-gratuito/`);
    const form = plainForm(page);
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe('/api/leads');
    expect(await form.locator('fieldset').count()).toBe(quiz.questions.length);
    // The island's first question, which cannot move on without JavaScript, is hidden.
    expect(await page.locator('astro-island').isVisible()).toBe(false);
    expect(await page.locator('fieldset:visible').count()).toBe(quiz.questions.length);
    expect(await page.getByRole('button', { name: 'Avanti' }).count()).toBe(0);
    for (const label of ['Nome', 'Cognome', 'Email', 'Azienda'])
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Invia e scopri il risultato' }).count()).toBe(1);
    expect(await page.locator('input[name="marketing"]').isChecked()).toBe(false);
    await context.close();
  });

  it('is completed, stored and answered with a result page', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/test-gratuito/`);
    for (const question of quiz.questions)
      await plainForm(page).getByLabel(question.options[1].label, { exact: true }).check();
    await fillContact(page, 'nojs@azienda.it');
    // A check digit only the server verifies (the browser checks required fields and the email's shape itself).
    await page.getByLabel(/^Partita IVA/).fill('12345678901');
    await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
    // The server sends the form back with the input kept and the error next to the field.
    await page.getByText('Controlla i campi evidenziati').waitFor();
    expect(await page.getByLabel('Cognome').inputValue()).toBe('Rossi');
    expect(await page.getByText('Questa partita IVA non è valida: controlla le cifre.').count()).toBeGreaterThan(0);
    await page.getByLabel(/^Partita IVA/).fill('12345678903');
    await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
    await page.getByRole('heading', { name: 'Il risultato del tuo test' }).waitFor();
    expect(page.url()).toContain('/test-gratuito/risultato/');
    expect(readDb(site.dataDir).leads.filter((l) => l.email === 'nojs@azienda.it')).toHaveLength(1);
    await eventually(() => site.smtp.mails.some((m) => m.text.includes('nojs@azienda.it')), 10_000, 'the team email');
    await context.close();
  });

  it('has no axe violations as a plain form', async () => {
    // The page's scripts are off; axe runs in Playwright's own world.
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/test-gratuito/`);
    expect(await page.locator('fieldset:visible').count()).toBe(quiz.questions.length);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
