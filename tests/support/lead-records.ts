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
