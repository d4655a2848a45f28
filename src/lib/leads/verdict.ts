import { SPAM, type Reason } from '../abuse/reasons.ts';

/**
 * What happens to a lead: accepted; kept and shown to the team "da verificare" (our own
 * token troubles must never lose a prospect); or spam, kept silently for a bot.
 */
export type LeadVerdict = { kind: 'accept' } | { kind: 'review'; reason: Reason } | { kind: 'spam'; reason: Reason };

/**
 * The lead's verdict from its honeypot and what its start token says (`tokenReason`).
 * The plain form comes from a static page that cannot carry a token: only a token it
 * does carry counts against it.
 */
export function leadVerdict(input: { honeypot: boolean; isForm: boolean; token: Reason | null }): LeadVerdict {
  if (input.honeypot) return { kind: 'spam', reason: 'honeypot' };
  const reason = input.token;
  if (reason === null || (input.isForm && reason === 'token-missing')) return { kind: 'accept' };
  return SPAM.has(reason) ? { kind: 'spam', reason } : { kind: 'review', reason };
}
