import type { RateLimiter } from './rate-limiter.ts';
import { readBody, BodyTooLarge, BodyTooSlow } from './read-body.ts';
import { isSameSite } from './origin.ts';
import { json, htmlError } from './responses.ts';

/** The largest form body accepted: a complete test or a 5,000-character comment is far below. */
export const MAX_BODY_BYTES = 32 * 1024;

const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface SubmissionRequest {
  request: Request;
  url: URL;
  clientAddress: string;
  allowedOrigins: string[];
  /** How long the client may take to send the whole body. */
  bodyTimeoutSeconds: number;
}

export interface Submission {
  /** A plain HTML form (urlencoded), answered with pages; otherwise JSON. */
  isForm: boolean;
  /** The parsed body: a JSON object, or the form's fields. */
  input: unknown;
  form?: URLSearchParams;
  /** Answers an error the way this client reads it (JSON, or a small Italian page). */
  fail: (status: number, message: string, headers?: Record<string, string>) => Response;
}

/**
 * The checks every form endpoint makes before looking at the fields: same-site Origin,
 * the client's rate limit, a JSON or urlencoded body of at most 32 KB, parseable.
 * Returns the parsed submission, or the 4xx to send.
 */
export async function readSubmission(
  req: SubmissionRequest,
  limiter: RateLimiter,
  back?: { href: string; label: string },
): Promise<Submission | Response> {
  const type = (req.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const isForm = type === FORM_TYPE;
  const fail = (status: number, message: string, headers: Record<string, string> = {}) =>
    isForm ? htmlError(status, message, headers, back) : json(status, { error: message }, headers);

  if (!isSameSite(req.request.headers.get('origin'), req.url, req.allowedOrigins))
    return fail(403, 'Richiesta da un sito non autorizzato.');
  const wait = limiter.hit(req.clientAddress);
  if (wait > 0)
    return fail(429, `Troppi invii ravvicinati: riprova tra ${Math.ceil(wait / 60)} minuti.`, {
      'Retry-After': String(wait),
    });
  if (type !== 'application/json' && !isForm) {
    return json(415, {
      error: 'Formato non supportato: invia JSON (application/json) o un modulo (application/x-www-form-urlencoded).',
    });
  }

  let text: string;
  try {
    text = await readBody(req.request, MAX_BODY_BYTES, req.bodyTimeoutSeconds * 1000);
  } catch (error) {
    // The rest of the body is never read: the connection is closed rather than reused with its leftovers.
    if (error instanceof BodyTooLarge)
      return fail(413, 'La richiesta è troppo grande (massimo 32 KB).', { Connection: 'close' });
    if (error instanceof BodyTooSlow)
      return fail(408, 'La richiesta è arrivata troppo lentamente: riprova.', { Connection: 'close' });
    return fail(400, 'La richiesta non è stata ricevuta per intero: riprova.');
  }
  if (isForm) {
    const form = new URLSearchParams(text);
    return { isForm, input: Object.fromEntries(form), form, fail };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return json(400, { error: 'Il corpo della richiesta non è JSON valido.' });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return json(400, { error: 'Il corpo della richiesta deve essere un oggetto JSON.' });
  return { isForm, input, fail };
}
