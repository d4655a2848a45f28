import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server.ts';
import { launchBrowser, axeViolations, describeViolations } from '../support/browser.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { leadPayloadSchema } from '../../src/lib/leads/lead-schema.ts';

const quiz = loadRealQuiz();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

/** Answers the current question by keyboard: Tab into the options, Space to choose, Enter to go on. */
async function answerByKeyboard(page: Page) {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
}

describe('the free test with JavaScript', () => {
  it('is completed by keyboard alone up to the contact form, on a 360px screen', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${server.url}/test-gratuito/?da=definizione-di-networking&utm_source=newsletter`);
    await page.locator('.quiz__step').getByText(`Domanda 1 di ${quiz.questions.length}`).waitFor();
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
    expect(await focusedText(page)).toBe('Ultimo passo: a chi inviamo il risultato?');
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('submits a lead the schema accepts and shows the outcome', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const sent: Request[] = [];
    // The lead endpoint answers for real once it exists; here the request itself is checked.
    await page.route('**/api/leads', async (route) => {
      sent.push(route.request());
      await route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({
          id: 'L1',
          outcome: { id: 'in-target', title: 'In target', summary: 's', body: 'b' },
          score: { percent: 88 },
        }),
      });
    });
    await page.goto(`${server.url}/test-gratuito/?da=definizione-di-networking&utm_source=newsletter`);
    for (const question of quiz.questions) {
      await page.getByRole('heading', { name: question.text }).waitFor();
      await page.getByLabel(question.options[0].label, { exact: true }).check();
      expect(sent).toHaveLength(0);
      await page.getByRole('button', { name: 'Avanti' }).click();
    }
    await page.getByLabel('Nome', { exact: true }).fill('Mario');
    await page.getByLabel('Cognome').fill('Rossi');
    await page.getByLabel('Email', { exact: true }).fill('mario@azienda.it');
    await page.getByLabel('Azienda').fill('Rossi Srl');
    await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
    await page.getByRole('heading', { name: 'In target', exact: true }).waitFor();
    await expectNoAxeViolations(page);

    expect(sent).toHaveLength(1);
    const body = leadPayloadSchema.parse(sent[0].postDataJSON());
    expect(body.context).toMatchObject({
      utm: { utm_source: 'newsletter' },
      sourceArticle: 'definizione-di-networking',
    });
    expect(Object.keys(body.answers)).toEqual(quiz.questions.map((q) => q.id));
    await page.close();
  });
});

describe('the free test without JavaScript', () => {
  it('is one complete plain form posting to the lead endpoint', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/test-gratuito/`);
    const form = page.locator('form.quiz');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('action')).toBe('/api/leads');
    expect(await page.locator('fieldset').count()).toBe(quiz.questions.length);
    for (const label of ['Nome', 'Cognome', 'Email', 'Azienda'])
      expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Invia e scopri il risultato' }).count()).toBe(1);
    expect(await page.locator('input[name="marketing"]').isChecked()).toBe(false);
    await context.close();
  });

  it('has no axe violations as a plain form (island scripts blocked)', async () => {
    // axe itself needs JavaScript: keep it on, but never let the island load.
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${server.url}/test-gratuito/`);
    expect(await page.locator('fieldset').count()).toBe(quiz.questions.length);
    await expectNoAxeViolations(page);
    await page.close();
  });
});
