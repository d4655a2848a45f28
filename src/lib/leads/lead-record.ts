import type { Contact } from './contact-rules.ts';
import type { LeadPayload } from './lead-schema.ts';
import type { LeadResponse } from './lead-response.ts';
import type { Answers } from '../quiz/answers.ts';
import type { Quiz } from '../quiz/schema.ts';
import type { QuizResult } from '../quiz/score.ts';

export interface ConsentRecord {
  purpose: 'privacy-notice' | 'marketing';
  granted: boolean;
  noticeVersion: string;
  textId?: string;
  form: string;
  at: string;
}

/** A lead as the server stores it: what the prospect sent, what the engine computed, and why it is trusted or not. */
export interface LeadRecord {
  id: string;
  createdAt: string;
  idempotencyKey: string;
  payloadHash: string;
  /** Which form and encoding it came from: `test-gratuito:json`, `test-gratuito:form`. */
  form: string;
  quizId: string;
  quizVersion: string;
  submittedQuizVersion: string;
  contact: Contact;
  answers: Answers;
  score: { points: number; min: number; max: number; percent: number };
  outcome: string;
  categories: { id: string; percent: number }[];
  utm: Record<string, string>;
  sourceArticle?: string;
  landingPath?: string;
  fillSeconds?: number;
  /** Kept silently: a bot's doing (`honeypot`, a forged token…). */
  spamReason?: string;
  /** Kept and shown "da verificare": we could not vouch for it (no token, too fast…), a person decides. */
  reviewReason?: string;
  /** Which start token it came with (a digest), to count a token's uses. */
  tokenDigest?: string;
  consents: ConsentRecord[];
}

export interface RecordInput {
  id: string;
  now: Date;
  idempotencyKey: string;
  payloadHash: string;
  form: string;
  quiz: Quiz;
  payload: LeadPayload;
  answers: Answers;
  result: QuizResult;
  fillSeconds?: number;
  spamReason?: string;
  reviewReason?: string;
  tokenDigest?: string;
}

/** Puts together the stored lead: contact, server-computed score, consent proof per purpose. */
export function leadRecord(input: RecordInput): LeadRecord {
  const { payload, result, now, form } = input;
  const at = now.toISOString();
  const consents: ConsentRecord[] = [
    {
      purpose: 'privacy-notice',
      granted: true,
      noticeVersion: payload.consent.privacyNoticeVersion,
      textId: payload.consent.privacyTextId,
      form,
      at,
    },
    {
      purpose: 'marketing',
      granted: payload.consent.marketing,
      noticeVersion: payload.consent.privacyNoticeVersion,
      textId: payload.consent.marketingTextId,
      form,
      at,
    },
  ];
  return {
    id: input.id,
    createdAt: at,
    idempotencyKey: input.idempotencyKey,
    payloadHash: input.payloadHash,
    form,
    quizId: input.quiz.id,
    quizVersion: input.quiz.version,
    submittedQuizVersion: payload.quizVersion,
    contact: payload.contact,
    answers: input.answers,
    score: { points: result.points, min: result.min, max: result.max, percent: result.percent },
    outcome: result.band.id,
    categories: result.categories.map((c) => ({ id: c.category.id, percent: c.percent })),
    utm: payload.context.utm as Record<string, string>,
    sourceArticle: payload.context.sourceArticle,
    landingPath: payload.context.landingPath,
    fillSeconds: input.fillSeconds,
    spamReason: input.spamReason,
    reviewReason: input.reviewReason,
    tokenDigest: input.tokenDigest,
    consents,
  };
}

/** What the prospect is told once the lead is stored: the outcome, never another lead's data. */
export function leadResponse(lead: Pick<LeadRecord, 'id' | 'outcome' | 'score'>, quiz: Quiz): LeadResponse {
  const band = quiz.bands.find((b) => b.id === lead.outcome);
  return {
    id: lead.id,
    outcome: {
      id: lead.outcome,
      title: band?.title ?? lead.outcome,
      summary: band?.summary ?? '',
      body: band?.body ?? '',
    },
    score: { percent: lead.score.percent },
  };
}
