import { quizSchema } from '../../src/lib/quiz/schema.ts';
import { leadPayloadSchema } from '../../src/lib/leads/lead-schema.ts';
import { leadRecord, type LeadRecord } from '../../src/lib/leads/lead-record.ts';
import { validateAnswers } from '../../src/lib/quiz/answers.ts';
import { scoreQuiz } from '../../src/lib/quiz/score.ts';
import { loadRealQuiz } from './quiz-fixtures.ts';
import { validLead } from './leads.ts';

export const realQuiz = quizSchema.parse(loadRealQuiz());

/** A stored-lead record built the way the endpoint builds it. */
export function record(n = 0, overrides: Partial<LeadRecord> = {}, now = new Date('2026-11-29T10:00:00Z')): LeadRecord {
  const payload = leadPayloadSchema.parse(validLead({}, n));
  const checked = validateAnswers(realQuiz, payload.answers);
  if (!checked.ok) throw new Error('fixture answers are invalid');
  return {
    ...leadRecord({
      id: `lead-${n}`,
      now,
      idempotencyKey: `key-${n}`,
      payloadHash: `hash-${n}`,
      form: 'test-gratuito:json',
      quiz: realQuiz,
      payload,
      answers: checked.answers,
      result: scoreQuiz(realQuiz, checked.answers),
    }),
    ...overrides,
  };
}

/**
 * A lead of `smallQuiz()`, written out field by field (not computed), so a test can state
 * exactly what each of its outputs (CSV row, email, webhook body) holds.
 */
export function smallLead(overrides: Partial<LeadRecord> = {}): LeadRecord {
  return {
    id: 'lead-1',
    createdAt: '2026-11-29T10:00:00.000Z',
    idempotencyKey: 'chiave-0123456789',
    payloadHash: 'hash',
    form: 'test-gratuito:json',
    quizId: 'prova',
    quizVersion: '1',
    submittedQuizVersion: '1',
    contact: {
      nome: 'Mario',
      cognome: 'Rossi',
      email: 'mario@azienda.it',
      telefono: '+393331234567',
      azienda: 'Rossi Srl',
      piva: '12345678903',
    },
    answers: { q1: ['si'], q2: ['x', 'z'] },
    score: { points: 14, min: -2, max: 20, percent: 72 },
    outcome: 'alto',
    categories: [{ id: 'b', percent: 50 }],
    utm: { utm_source: 'newsletter', utm_medium: 'email' },
    sourceArticle: 'definizione-di-networking',
    landingPath: '/blog/definizione-di-networking/',
    consents: [
      { purpose: 'privacy-notice', granted: true, noticeVersion: '1', form: 'f', at: 'a' },
      { purpose: 'marketing', granted: true, noticeVersion: '1', form: 'f', at: 'a' },
    ],
    ...overrides,
  };
}
