import type { Quiz } from './schema.ts';

/*
 * The island's steps as data: which screen a step number is, what it is called, what a
 * screen reader hears when the prospect arrives on it, and where "Avanti" and "Indietro"
 * lead. The island (QuizForm.tsx) holds state and I/O only and asks this module.
 *
 * Step numbers: 0 … count-1 are the questions; with `fullResult: before-form` the result
 * preview comes next; the contact form is the last step. PLAIN (-1) is the plain form
 * (no JavaScript), where every step shows at once.
 */

/** The plain form: every question and the contact fields on one page (no JavaScript). */
export const PLAIN = -1;

export type StepKind = 'plain' | 'question' | 'preview' | 'contact';

/** The shape of a test that decides its steps. */
export interface FlowShape {
  /** How many questions. */
  count: number;
  /** Whether the full result is shown before the contact form. */
  previewFirst: boolean;
}

export const flowShape = (quiz: Pick<Quiz, 'questions' | 'fullResult'>): FlowShape => ({
  count: quiz.questions.length,
  previewFirst: quiz.fullResult === 'before-form',
});

/** The preview's step, or -1 when the test has none. */
export const previewStep = (f: FlowShape) => (f.previewFirst ? f.count : -1);

/** The contact form's step: the last one. */
export const contactStep = (f: FlowShape) => (f.previewFirst ? f.count + 1 : f.count);

export function stepKind(f: FlowShape, step: number): StepKind {
  if (step === PLAIN) return 'plain';
  if (step < f.count) return 'question';
  return step === previewStep(f) ? 'preview' : 'contact';
}

/** A saved step brought back within the test (a reload after the test changed shape). */
export const clampStep = (f: FlowShape, step: number) => Math.min(Math.max(0, step), contactStep(f));

const LABELS: Record<Exclude<StepKind, 'question' | 'plain'>, string> = {
  preview: 'Il tuo risultato',
  contact: 'Ultimo passo',
};

/** The line above the progress bar; the plain form, every step on one page, says what is ahead instead. */
export function stepLabel(f: FlowShape, step: number): string {
  const kind = stepKind(f, step);
  if (kind === 'plain') return `${f.count} domande, poi i tuoi contatti`;
  return kind === 'question' ? `Domanda ${step + 1} di ${f.count}` : LABELS[kind];
}

/** What a screen reader hears on arriving at a step (the label says less than the screen shows). */
export function stepAnnouncement(f: FlowShape, step: number): string {
  return stepKind(f, step) === 'contact' ? 'Ultimo passo: i tuoi contatti' : stepLabel(f, step);
}

/** The progress bar: how many steps in all, and which one this is (1-based). */
export const progressOf = (f: FlowShape, step: number) => ({ max: contactStep(f) + 1, value: step + 1 });

export type Move = { kind: 'go'; step: number } | { kind: 'submit' } | { kind: 'blocked'; questionId: string };

/**
 * Where "Avanti" leads from `step`: the next step, or the submission from the contact step.
 * A required question left unanswered blocks, naming itself.
 */
export function nextMove(
  f: FlowShape,
  step: number,
  question: { id: string; required: boolean } | undefined,
  answered: boolean,
): Move {
  if (stepKind(f, step) === 'contact') return { kind: 'submit' };
  if (question?.required && !answered) return { kind: 'blocked', questionId: question.id };
  return { kind: 'go', step: step + 1 };
}

/** Where "Indietro" leads, or null where there is no going back (the first question, the plain form). */
export const backStep = (step: number): number | null => (step > 0 ? step - 1 : null);

/** The submit button's words. */
export function submitLabel(f: FlowShape, step: number, state: { sending: boolean; failed: boolean }): string {
  const kind = stepKind(f, step);
  if (kind === 'question' || kind === 'preview') return 'Avanti';
  if (state.sending) return 'Invio in corso…';
  return state.failed ? 'Riprova' : 'Invia e scopri il risultato';
}

/** What a screen reader hears after "Ricomincia". */
export const restartAnnouncement = (f: FlowShape) => `Test ricominciato. ${stepLabel(f, 0)}`;
