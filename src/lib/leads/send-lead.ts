import type { LeadErrorResponse, LeadResponse } from './lead-response.ts';

export type SendResult =
  | { kind: 'stored'; response: LeadResponse }
  | { kind: 'invalid'; errors: Record<string, string>; message: string }
  | { kind: 'failed'; message: string };

const NETWORK =
  'Non siamo riusciti a inviare i dati: controlla la connessione e riprova. Le tue risposte sono ancora qui.';

/**
 * Posts a lead as JSON and says what happened, in terms the form can act on:
 * stored (show the result), invalid (show the field errors), failed (offer a retry).
 */
export async function sendLead(
  endpoint: string,
  payload: unknown,
  fetchImpl: typeof fetch = fetch,
): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch {
    return { kind: 'failed', message: NETWORK };
  }
  const body = (await res.json().catch(() => null)) as (LeadResponse & LeadErrorResponse) | null;
  if (res.ok && body?.outcome) return { kind: 'stored', response: body };
  if (res.status === 422 && body?.errors) {
    return { kind: 'invalid', errors: body.errors, message: body.error ?? 'Controlla i campi evidenziati.' };
  }
  if (res.status === 429) {
    return { kind: 'failed', message: body?.error ?? 'Troppi invii ravvicinati: attendi un minuto e riprova.' };
  }
  if (res.status >= 400 && res.status < 500 && body?.error) return { kind: 'failed', message: body.error };
  return { kind: 'failed', message: NETWORK };
}

/** The signed start token from `<endpoint>/token`, or '' when it cannot be had (offline, another backend). */
export async function fetchStartToken(endpoint: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  try {
    const res = await fetchImpl(`${endpoint}/token`, { cache: 'no-store' });
    const body = (await res.json()) as { token?: unknown };
    return res.ok && typeof body.token === 'string' ? body.token : '';
  } catch {
    return '';
  }
}
