import { createHash, randomUUID } from 'node:crypto';
import type { Quiz } from '../../lib/quiz/schema.ts';
import { validateAnswers, answerErrorMessage } from '../../lib/quiz/answers.ts';
import { scoreQuiz } from '../../lib/quiz/score.ts';
import { leadPayloadSchema, type LeadPayload, type LeadPayloadInput } from '../../lib/leads/lead-schema.ts';
import { payloadFromForm, fieldOf, answerField, FIELD } from '../../lib/leads/form-fields.ts';
import { fingerprint } from '../../lib/leads/idempotency.ts';
import { consentErrors } from '../../lib/leads/consent.ts';
import { leadRecord, leadResponse, type LeadRecord } from '../../lib/leads/lead-record.ts';
import { leadVerdict } from '../../lib/leads/verdict.ts';
import { tokenReason } from '../../lib/abuse/start-token.ts';
import { leadEmail, leadWebhookBody } from '../../lib/notify/lead-notification.ts';
import { resultEmail, resultEmailDecision } from '../../lib/notify/result-email.ts';
import type { Company } from '../../lib/content/company-schema.ts';
import type { OutboxMessage } from '../storage/lead-store.ts';
import type { Runtime } from '../runtime.ts';
import { readSubmission, type SubmissionRequest } from '../http/submission.ts';
import { json } from '../http/responses.ts';
import { readStartToken } from '../http/start-token.ts';
import { resultPath } from './result-link.ts';
import { countSubmission } from '../funnel/handle-beacon.ts';
import { CONTACT_FIELDS } from '../../lib/leads/contact-rules.ts';

/** The plain form came back invalid: the page re-renders it with the input and the errors. */
export interface FormRetry {
  kind: 'form-retry';
  values: LeadPayloadInput;
  errors: Record<string, string>;
}

/** What the lead endpoint checks a lead against: the test and the notice shown now. */
export interface LeadContent {
  quiz: Quiz;
  privacyNoticeVersion: string;
  /** Who signs the result email. */
  company: Company;
}

/** A plain form sent again with the same content within this time is the same submission (a double click). */
const RESUBMIT_WINDOW_MS = 10 * 60_000;

/**
 * Receives one lead: checks where it comes from, how much and what it is, recomputes the
 * score, decides whether to trust it (a pure verdict), and stores it with its
 * notifications in one transaction before answering.
 */
export async function handleLead(
  req: SubmissionRequest,
  { quiz, privacyNoticeVersion, company }: LeadContent,
  rt: Runtime,
): Promise<Response | FormRetry> {
  const submission = await readSubmission(req, rt.leadLimiter);
  if (submission instanceof Response) return submission;
  const { isForm, fail, form } = submission;
  const input: unknown = form ? payloadFromForm(form) : submission.input;
  // The island's first question, posted before its script ran (a slow or failed download): that form has none of the
  // contact fields the plain form always sends. The plain form takes over, with the answer kept and nothing to fix.
  if (form && !CONTACT_FIELDS.some((f) => form.has(f)))
    return { kind: 'form-retry', values: input as LeadPayloadInput, errors: {} };

  const invalid = (errors: Record<string, string>): Response | FormRetry =>
    isForm
      ? { kind: 'form-retry', values: input as LeadPayloadInput, errors }
      : json(422, { error: 'Controlla i campi evidenziati.', errors });

  // Every problem at once: the fields' and the answers', so the prospect fixes them in one go.
  const parsed = leadPayloadSchema.safeParse(input);
  const rawAnswers = (input as { answers?: unknown }).answers;
  const checked = validateAnswers(quiz, isAnswerMap(rawAnswers) ? rawAnswers : {});
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  if (!checked.ok) for (const e of checked.errors) errors[answerField(e.questionId)] ??= answerErrorMessage(e);
  const submittedVersion = (input as { quizVersion?: unknown }).quizVersion;
  // An older version is accepted when its answers still fit the current test, and scored by it.
  if (!checked.ok && typeof submittedVersion === 'string' && submittedVersion !== quiz.version) {
    return invalid({
      [FIELD.quizVersion]:
        'Il test è stato aggiornato nel frattempo: ricarica la pagina e rispondi alle nuove domande.',
    });
  }
  if (parsed.success) Object.assign(errors, consentErrors(parsed.data.consent, privacyNoticeVersion));
  if (!parsed.success || !checked.ok || Object.keys(errors).length) return invalid(errors);
  const payload = parsed.data;
  if (payload.quizId !== quiz.id) return invalid({ [FIELD.quizId]: 'Questo test non esiste più: ricarica la pagina.' });

  const now = new Date();
  const token = readStartToken(rt.signingKey, payload.startToken, 'lead');
  const digest = token.kind === 'valid' ? token.digest : undefined;
  const earlierUses = digest ? await rt.leads.countByToken(digest, rt.config.tokens.lead.maxUses) : 0;
  const verdict = leadVerdict({
    honeypot: Boolean(payload.website?.trim()),
    isForm,
    token: tokenReason(token, earlierUses, now.getTime(), rt.config.tokens.lead),
  });
  const content = contentHash(payload);
  const record = leadRecord({
    id: randomUUID(),
    now,
    idempotencyKey: payload.idempotencyKey ?? `form-${content}-${randomUUID()}`,
    payloadHash: content,
    form: `${quiz.id}:${isForm ? 'form' : 'json'}`,
    quiz,
    payload,
    answers: checked.answers,
    result: scoreQuiz(quiz, checked.answers),
    // A token from the future (the clock stepped back) tells no fill time.
    fillSeconds:
      token.kind === 'valid' && now.getTime() >= token.issuedAt ? (now.getTime() - token.issuedAt) / 1000 : undefined,
    spamReason: verdict.kind === 'spam' ? verdict.reason : undefined,
    reviewReason: verdict.kind === 'review' ? verdict.reason : undefined,
    tokenDigest: digest,
  });

  const decision = resultEmailDecision({
    emailConfigured: Boolean(rt.config.email),
    verdict: verdict.kind,
    sentToAddressToday:
      rt.config.email && verdict.kind === 'accept'
        ? await rt.leads.resultEmailsTo(record.contact.email, new Date(now.getTime() - 86_400_000))
        : 0,
    maxPerDay: rt.config.resultEmail.maxPerDay,
  });
  const outbox =
    verdict.kind === 'spam'
      ? []
      : [
          ...notifications(record, quiz, rt),
          ...(decision === 'send' ? [prospectEmail(record, quiz, company, rt, now)] : []),
        ];
  // The plain form has no key of its own: the same content again within minutes is a double click.
  const stored = payload.idempotencyKey
    ? await rt.leads.insert(record, outbox)
    : await rt.leads.insertUnlessRecent(record, outbox, new Date(now.getTime() - RESUBMIT_WINDOW_MS));
  if (stored.created && outbox.some((m) => m.status === 'pending')) void rt.worker.kick();
  if (stored.created && verdict.kind !== 'spam') await countSubmission(record, rt, now);
  if (!stored.created && stored.lead.payloadHash !== record.payloadHash) {
    return fail(409, 'Questa chiave di invio è già stata usata per dati diversi: ricarica la pagina e riprova.');
  }

  const lead = stored.lead;
  // Dated from the lead, not from this request: a double click or a retry gets the link the first answer gave.
  const resultLink = resultPath(rt.signingKey, lead.id, linkExpiry(rt, new Date(lead.createdAt)));
  if (isForm)
    return new Response(null, { status: 303, headers: { Location: resultLink, 'Cache-Control': 'no-store' } });
  // A replay says what the first answer said: whether that lead's result email was queued.
  const emailed = stored.created ? decision === 'send' : await rt.leads.hasResultEmail(lead.id);
  return json(
    201,
    { ...leadResponse(lead, quiz), emailed, resultPath: resultLink },
    stored.created ? {} : { 'Idempotent-Replayed': 'true' },
  );
}

/** Whether a value has the shape of answers (question id → option id or ids), before full validation. */
function isAnswerMap(value: unknown): value is Record<string, string | string[]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(
      (v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
    )
  );
}

/** The lead's content, without what changes between retries of the same submission. */
function contentHash(payload: LeadPayload): string {
  const { idempotencyKey: _key, startToken: _token, website: _honeypot, ...content } = payload;
  return createHash('sha256').update(fingerprint(content)).digest('hex').slice(0, 32);
}

const linkExpiry = (rt: Runtime, now: Date) => new Date(now.getTime() + rt.config.resultEmail.linkDays * 86_400_000);

/** The prospect's own email with their result, queued with the lead like the team's notifications. */
function prospectEmail(lead: LeadRecord, quiz: Quiz, company: Company, rt: Runtime, now: Date): OutboxMessage {
  const expires = linkExpiry(rt, now);
  const payload = resultEmail({
    lead,
    quiz,
    company,
    resultUrl: new URL(resultPath(rt.signingKey, lead.id, expires), rt.config.siteUrl).href,
    linkExpires: expires,
    siteUrl: rt.config.siteUrl,
    replyTo: rt.config.resultEmail.replyTo ?? company.email,
  });
  return { channel: 'email', status: 'pending', payload, purpose: 'result' };
}

function notifications(lead: LeadRecord, quiz: Quiz, rt: Runtime): OutboxMessage[] {
  // A channel that is off is recorded as skipped, without a copy of the lead's data.
  return [
    rt.config.email
      ? { channel: 'email', status: 'pending', payload: leadEmail(lead, quiz) }
      : { channel: 'email', status: 'skipped', payload: {} },
    rt.config.webhook
      ? { channel: 'webhook', status: 'pending', payload: leadWebhookBody(lead) }
      : { channel: 'webhook', status: 'skipped', payload: {} },
  ];
}
