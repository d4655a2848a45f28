import type { Quiz } from '../../lib/quiz/schema.ts';
import { campaignOf, readBeacon } from '../../lib/funnel/events.ts';
import { contactStep, flowShape } from '../../lib/quiz/flow.ts';
import { isoDay } from '../../lib/format/date.ts';
import type { LeadRecord } from '../../lib/leads/lead-record.ts';
import type { RequestInfo } from '../http/gate.ts';
import type { Runtime } from '../runtime.ts';

/**
 * One beacon from the island: a step first reached. Counted when it fits the test shown
 * now, ignored otherwise; answered 204 either way (a beacon reads no answer), 429 past the
 * beacons' own rate limit. The client's key is used for the limit only and never stored.
 */
export async function handleBeacon(info: RequestInfo, quiz: Quiz, rt: Runtime, now = new Date()): Promise<Response> {
  const wait = await rt.funnelLimiter.hit(info.client.key);
  if (wait > 0) return new Response(null, { status: 429, headers: { 'Retry-After': String(wait) } });
  const steps = contactStep(flowShape(quiz)) + 1;
  const hit = readBeacon(info.body, { id: quiz.id, version: quiz.version, steps }, isoDay(now));
  if (hit) await rt.funnel.hit(hit);
  return new Response(null, { status: 204 });
}

/**
 * A stored lead counts as submitted, with its outcome, from the island and the plain form
 * alike (the plain form sends no beacon). A counter that fails is logged, never the lead's
 * failure: the lead is already committed.
 */
export async function countSubmission(
  lead: Pick<LeadRecord, 'quizId' | 'quizVersion' | 'outcome' | 'sourceArticle' | 'utm'>,
  rt: Runtime,
  now = new Date(),
): Promise<void> {
  const base = {
    day: isoDay(now),
    quizId: lead.quizId,
    quizVersion: lead.quizVersion,
    source: lead.sourceArticle ?? '',
    campaign: campaignOf(lead.utm.utm_campaign),
  };
  try {
    await rt.funnel.hit({ ...base, event: 'submitted' });
    await rt.funnel.hit({ ...base, event: `outcome:${lead.outcome}` });
  } catch (error) {
    console.error('[segnalazione] funnel: a submission was not counted:', error);
  }
}
