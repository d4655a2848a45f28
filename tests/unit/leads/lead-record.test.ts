import { describe, it, expect } from 'vitest';
import { leadRecord, leadResponse } from '../../../src/lib/leads/lead-record.ts';
import { leadPayloadSchema } from '../../../src/lib/leads/lead-schema.ts';
import { quizSchema } from '../../../src/lib/quiz/schema.ts';
import { scoreQuiz } from '../../../src/lib/quiz/score.ts';
import { smallQuiz } from '../../support/quiz-fixtures.ts';

const quiz = quizSchema.parse(smallQuiz());

const payload = (marketing: boolean) =>
  leadPayloadSchema.parse({
    quizId: 'prova',
    quizVersion: '0',
    answers: { q1: 'si', q2: ['z'] },
    contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario@azienda.it', azienda: 'Rossi Srl' },
    consent: {
      privacyNoticeVersion: '2026-11-29',
      privacyTextId: 'lead-privacy-v2',
      marketing,
      marketingTextId: 'lead-marketing-v2',
    },
    context: { utm: { utm_source: 'news' }, sourceArticle: 'definizione-di-networking', landingPath: '/blog/' },
  });

describe('leadRecord', () => {
  it.each([true, false])('records the lead, its score and a consent per purpose (marketing %s)', (marketing) => {
    const answers = { q1: ['si'], q2: ['z'] };
    const record = leadRecord({
      id: 'lead-1',
      now: new Date('2026-11-29T10:00:00Z'),
      idempotencyKey: 'chiave-0123456789',
      payloadHash: 'hash',
      form: 'test-gratuito:form',
      quiz,
      payload: payload(marketing),
      answers,
      result: scoreQuiz(quiz, answers),
      fillSeconds: 42,
      spamReason: 'honeypot',
    });
    expect(record).toEqual({
      id: 'lead-1',
      createdAt: '2026-11-29T10:00:00.000Z',
      idempotencyKey: 'chiave-0123456789',
      payloadHash: 'hash',
      form: 'test-gratuito:form',
      quizId: 'prova',
      quizVersion: '1',
      submittedQuizVersion: '0',
      contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario@azienda.it', azienda: 'Rossi Srl' },
      answers,
      // q1: 10 of 0..10; q2 (weight 2): -2 of -2..10 → 8 of -2..20 = 10/22 → 45.
      score: { points: 8, min: -2, max: 20, percent: 45 },
      outcome: 'medio',
      categories: [
        { id: 'b', percent: 0 },
        { id: 'a', percent: 100 },
      ],
      utm: { utm_source: 'news' },
      sourceArticle: 'definizione-di-networking',
      landingPath: '/blog/',
      fillSeconds: 42,
      spamReason: 'honeypot',
      consents: [
        {
          purpose: 'privacy-notice',
          granted: true,
          noticeVersion: '2026-11-29',
          textId: 'lead-privacy-v2',
          form: 'test-gratuito:form',
          at: '2026-11-29T10:00:00.000Z',
        },
        {
          purpose: 'marketing',
          granted: marketing,
          noticeVersion: '2026-11-29',
          textId: 'lead-marketing-v2',
          form: 'test-gratuito:form',
          at: '2026-11-29T10:00:00.000Z',
        },
      ],
    });
  });
});

describe('leadResponse', () => {
  const score = { points: 8, min: -2, max: 20, percent: 45 };

  it('tells the prospect the outcome of the test, nothing else of the lead', () => {
    expect(leadResponse({ id: 'lead-1', outcome: 'medio', score }, quiz)).toEqual({
      id: 'lead-1',
      outcome: { id: 'medio', title: 'Medio', summary: 's', body: 'b' },
      score: { percent: 45 },
    });
  });

  it('names an outcome the test no longer has by its id', () => {
    expect(leadResponse({ id: 'lead-1', outcome: 'vecchio', score }, quiz)).toEqual({
      id: 'lead-1',
      outcome: { id: 'vecchio', title: 'vecchio', summary: '', body: '' },
      score: { percent: 45 },
    });
  });
});
