/*
 * The test's anonymous funnel: counters per day, test version, step and source, never a
 * person. The island sends one short text beacon when a prospect first reaches a step
 * ("test-gratuito|2026-11-29|3|definizione-di-networking|newsletter-dicembre"); the server
 * counts a submission and its outcome itself, for the plain form too. No cookie, no id,
 * no IP, no user agent: what is stored is the counter this line increments.
 */

/** One counter to increment. `event` is `step:<n>` (0 = the test opened), `submitted` or `outcome:<band id>`. */
export interface FunnelHit {
  day: string;
  quizId: string;
  quizVersion: string;
  event: string;
  /** The article the prospect came from, or ''. */
  source: string;
  /** The landing URL's utm_campaign, or ''. */
  campaign: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** A campaign as people type it in a link, made safe to count ('' for anything else). */
export function campaignOf(value: string | undefined): string {
  const clean = (value ?? '').trim().toLowerCase().slice(0, 64);
  return /^[a-z0-9][a-z0-9._-]*$/.test(clean) ? clean : '';
}

/**
 * Reads a beacon against the test shown now: another test or version, a step the test does
 * not have, or anything malformed is null (ignored, not an error: old pages keep sending).
 */
export function readBeacon(
  body: string,
  quiz: { id: string; version: string; steps: number },
  day: string,
): FunnelHit | null {
  if (body.length > 400) return null;
  const [quizId, quizVersion, step, source = '', campaign = '', ...rest] = body.split('|');
  if (rest.length || quizId !== quiz.id || quizVersion !== quiz.version || !/^\d{1,3}$/.test(step)) return null;
  if (Number(step) >= quiz.steps) return null;
  return {
    day,
    quizId,
    quizVersion,
    event: `step:${Number(step)}`,
    source: SLUG.test(source) ? source : '',
    campaign: campaignOf(campaign),
  };
}

/** What the island sends when a prospect first reaches `step`. */
export const beaconBody = (
  quiz: { id: string; version: string },
  step: number,
  context: { sourceArticle?: string; utm: Record<string, string | undefined> },
) => [quiz.id, quiz.version, step, context.sourceArticle ?? '', context.utm.utm_campaign ?? ''].join('|');
