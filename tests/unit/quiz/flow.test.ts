import { describe, it, expect } from 'vitest';
import {
  PLAIN,
  backStep,
  clampStep,
  contactStep,
  flowShape,
  nextMove,
  previewStep,
  progressOf,
  restartAnnouncement,
  stepAnnouncement,
  stepKind,
  stepLabel,
  submitLabel,
  type FlowShape,
} from '../../../src/lib/quiz/flow.ts';

const after: FlowShape = { count: 3, previewFirst: false };
const before: FlowShape = { count: 3, previewFirst: true };

describe('flowShape', () => {
  it.each([
    ['after-form', false],
    ['before-form', true],
  ] as const)('fullResult %s → previewFirst %s', (fullResult, previewFirst) => {
    expect(flowShape({ questions: [{}, {}] as never, fullResult })).toEqual({ count: 2, previewFirst });
  });
});

describe('steps of a test', () => {
  it.each<[string, FlowShape, number, ReturnType<typeof stepKind>, string, string]>([
    ['plain form', after, PLAIN, 'plain', '3 domande, poi i tuoi contatti', '3 domande, poi i tuoi contatti'],
    [
      'plain form, preview first',
      before,
      PLAIN,
      'plain',
      '3 domande, poi i tuoi contatti',
      '3 domande, poi i tuoi contatti',
    ],
    ['first question', after, 0, 'question', 'Domanda 1 di 3', 'Domanda 1 di 3'],
    ['last question', after, 2, 'question', 'Domanda 3 di 3', 'Domanda 3 di 3'],
    ['contact, no preview', after, 3, 'contact', 'Ultimo passo', 'Ultimo passo: i tuoi contatti'],
    ['preview', before, 3, 'preview', 'Il tuo risultato', 'Il tuo risultato'],
    ['contact after the preview', before, 4, 'contact', 'Ultimo passo', 'Ultimo passo: i tuoi contatti'],
  ])('%s', (_, flow, step, kind, label, announcement) => {
    expect(stepKind(flow, step)).toBe(kind);
    expect(stepLabel(flow, step)).toBe(label);
    expect(stepAnnouncement(flow, step)).toBe(announcement);
  });

  it.each([
    [after, -1, 3],
    [before, 3, 4],
  ])('preview and contact steps', (flow, preview, contact) => {
    expect(previewStep(flow)).toBe(preview);
    expect(contactStep(flow)).toBe(contact);
  });

  it.each([
    [after, -5, 0],
    [after, 2, 2],
    [after, 9, 3],
    [before, 9, 4],
  ])('clampStep(%o, %i) = %i', (flow, step, expected) => {
    expect(clampStep(flow, step)).toBe(expected);
  });

  it.each([
    [after, 0, { max: 4, value: 1 }],
    [after, 3, { max: 4, value: 4 }],
    [before, 4, { max: 5, value: 5 }],
  ])('progressOf', (flow, step, expected) => {
    expect(progressOf(flow, step)).toEqual(expected);
  });
});

describe('moving', () => {
  const required = { id: 'q1', required: true };
  const optional = { id: 'q2', required: false };
  it.each<[string, FlowShape, number, typeof required | undefined, boolean, ReturnType<typeof nextMove>]>([
    ['an answered question goes on', after, 0, required, true, { kind: 'go', step: 1 }],
    ['an unanswered required question blocks', after, 0, required, false, { kind: 'blocked', questionId: 'q1' }],
    ['an unanswered optional question goes on', after, 1, optional, false, { kind: 'go', step: 2 }],
    ['the last question leads to the contact step', after, 2, required, true, { kind: 'go', step: 3 }],
    ['the preview leads to the contact step', before, 3, undefined, false, { kind: 'go', step: 4 }],
    ['the contact step submits', after, 3, undefined, false, { kind: 'submit' }],
    ['the contact step after a preview submits', before, 4, undefined, false, { kind: 'submit' }],
  ])('%s', (_, flow, step, question, answered, expected) => {
    expect(nextMove(flow, step, question, answered)).toEqual(expected);
  });

  it.each([
    [PLAIN, null],
    [0, null],
    [1, 0],
    [3, 2],
  ])('backStep(%i) = %s', (step, expected) => {
    expect(backStep(step)).toBe(expected);
  });

  it('restart announces the first question', () => {
    expect(restartAnnouncement(after)).toBe('Test ricominciato. Domanda 1 di 3');
  });
});

describe('submitLabel', () => {
  const idle = { sending: false, failed: false };
  it.each<[string, FlowShape, number, typeof idle, string]>([
    ['a question', after, 0, idle, 'Avanti'],
    ['the preview', before, 3, idle, 'Avanti'],
    ['the contact step', after, 3, idle, 'Invia e scopri il risultato'],
    ['the plain form', after, PLAIN, idle, 'Invia e scopri il risultato'],
    ['while sending', after, 3, { sending: true, failed: true }, 'Invio in corso…'],
    ['after a failure', after, 3, { sending: false, failed: true }, 'Riprova'],
  ])('%s', (_, flow, step, state, expected) => {
    expect(submitLabel(flow, step, state)).toBe(expected);
  });
});
