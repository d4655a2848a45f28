import { checkCallback, type CallbackRequest } from '../../lib/leads/callback.ts';
import { callbackEmail } from '../../lib/notify/callback-notification.ts';
import type { StoredLead } from '../storage/lead-store.ts';
import type { Runtime } from '../runtime.ts';
import { readSubmission, type SubmissionRequest } from '../http/submission.ts';

export type CallbackOutcome =
  | { kind: 'stored' }
  | { kind: 'invalid'; values: { days: string[]; slot: string; phone: string }; errors: Record<string, string> };

/**
 * A prospect's "richiamami", posted by the plain form on their signed result page (the page
 * has checked the link). Rate-limited like leads; stores the request on the lead and queues
 * the team's email in one transaction. A Response is an answer to send as it is (429, 415).
 */
export async function handleCallback(
  req: SubmissionRequest,
  lead: StoredLead,
  rt: Runtime,
): Promise<CallbackOutcome | Response> {
  const submission = await readSubmission(req, rt.leadLimiter);
  if (submission instanceof Response) return submission;
  const form = submission.form ?? new URLSearchParams();
  const checked = checkCallback(form);
  if (!checked.ok)
    return {
      kind: 'invalid',
      values: { days: form.getAll('giorni'), slot: form.get('fascia') ?? '', phone: form.get('telefono') ?? '' },
      errors: checked.errors,
    };
  const request: CallbackRequest = checked.request;
  const leadUrl = new URL(`/admin/contatti/${encodeURIComponent(lead.id)}/`, rt.config.siteUrl).href;
  const stored = await rt.leads.requestCallback(lead.id, request, new Date(), [
    rt.config.email
      ? { channel: 'email', status: 'pending', payload: callbackEmail(lead, request, leadUrl) }
      : { channel: 'email', status: 'skipped', payload: {} },
  ]);
  if (stored && rt.config.email) void rt.worker.kick();
  return { kind: 'stored' };
}
