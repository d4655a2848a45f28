import type { Page } from 'playwright-core';
import { loadRealQuiz } from './quiz-fixtures.ts';

const quiz = loadRealQuiz();

/** Fills the test's contact step (or the plain form's contact fields). */
export async function fillContact(page: Page, email: string) {
  await page.getByLabel('Nome', { exact: true }).fill('Mario');
  await page.getByLabel('Cognome').fill('Rossi');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Azienda').fill('Rossi Srl');
}

/**
 * Opens the test page (`url`) and waits until its island is awake: hydrated (Astro drops `ssr`), then its first task
 * (QuizForm.tsx). The server already draws the island's first question, so "Avanti" is there before it works.
 */
export async function openTest(page: Page, url: string) {
  await page.goto(url);
  await page.locator('astro-island:not([ssr]) form.quiz').waitFor();
  await page.evaluate(() => new Promise((woken) => setTimeout(woken)));
}

/**
 * The plain form of a page without JavaScript. The island's first question is on the page too, hidden (quiz.css),
 * so an answer's label is found twice on the page.
 */
export const plainForm = (page: Page) => page.locator('form.quiz--plain');

/** Takes the test as a plain form (in a browser without JavaScript) from `origin`, up to the result page. */
export async function takePlainTest(page: Page, origin: string, email: string) {
  await page.goto(`${origin}/test-gratuito/`);
  for (const question of quiz.questions)
    await plainForm(page).getByLabel(question.options[1].label, { exact: true }).check();
  await fillContact(page, email);
  await page.getByRole('button', { name: 'Invia e scopri il risultato' }).click();
  await page.getByRole('heading', { name: 'Il risultato del tuo test' }).waitFor();
}

/** Writes a comment in the form under an article (or on its comments page). */
export async function writeComment(page: Page, name: string, email: string, text: string) {
  await page.getByRole('textbox', { name: /^Commento/ }).fill(text);
  await page.getByRole('textbox', { name: /^Nome/ }).fill(name);
  await page.getByRole('textbox', { name: /^Email/ }).fill(email);
  await page.getByRole('button', { name: 'Pubblica il commento' }).click();
}

/** Signs in to the team area from its sign-in page (already open). */
export async function signIn(page: Page, user: string, password: string) {
  await page.getByLabel('Email o nome utente').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}
