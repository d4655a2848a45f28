import type { Quiz } from './schema.ts';

/** Answers as sent by a form: question id → option id (single) or option ids (multiple). */
export type RawAnswers = Record<string, string | string[] | undefined>;

/** Answers checked against a test: question id → the chosen option ids, in the test's order. */
export type Answers = Record<string, string[]>;

export type AnswerError =
  | { code: 'unknown_question'; questionId: string }
  | { code: 'unknown_option'; questionId: string; optionId: string }
  | { code: 'missing_answer'; questionId: string }
  | { code: 'too_many_options'; questionId: string };

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

/**
 * Checks an answer set against a test: every id must exist, a single-choice question
 * takes one option, a required question must be answered. Empty answers are dropped,
 * repeated option ids counted once.
 */
export function validateAnswers(quiz: Pick<Quiz, 'questions'>, raw: RawAnswers): AnswersResult {
  const errors: AnswerError[] = [];
  const answers: Answers = {};
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));

  for (const questionId of Object.keys(raw)) {
    if (!questions.has(questionId)) errors.push({ code: 'unknown_question', questionId });
  }

  for (const question of quiz.questions) {
    const value = Object.hasOwn(raw, question.id) ? raw[question.id] : undefined;
    const chosen = new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== ''));
    const known = new Set(question.options.map((o) => o.id));
    let valid = true;
    for (const optionId of chosen) {
      if (!known.has(optionId)) {
        errors.push({ code: 'unknown_option', questionId: question.id, optionId });
        valid = false;
      }
    }
    if (!valid) continue;
    if (question.type === 'single' && chosen.size > 1) {
      errors.push({ code: 'too_many_options', questionId: question.id });
    } else if (chosen.size === 0) {
      if (question.required) errors.push({ code: 'missing_answer', questionId: question.id });
    } else {
      answers[question.id] = question.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
    }
  }

  return errors.length ? { ok: false, errors } : { ok: true, answers };
}

/** An answer error in Italian, for the prospect. */
export function answerErrorMessage(error: AnswerError): string {
  switch (error.code) {
    case 'missing_answer':
      return 'Scegli una risposta per continuare.';
    case 'too_many_options':
      return 'Scegli una sola risposta.';
    case 'unknown_option':
      return 'La risposta scelta non è valida: ricarica la pagina e riprova.';
    case 'unknown_question':
      return 'Il test è cambiato nel frattempo: ricarica la pagina e riprova.';
  }
}
