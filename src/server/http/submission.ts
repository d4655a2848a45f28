import type { RateLimiter } from './rate-limiter.ts';
import type { RequestInfo } from './gate.ts';
import { json, htmlError } from './responses.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded';

export interface SubmissionRequest {
  request: Request;
  /** The client and the body, as the gate read them. */
  info: RequestInfo;
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
 * The checks every form endpoint makes before looking at the fields (the gate has
 * checked the origin and read the body within its limits): the client's rate limit, a
 * JSON or urlencoded body, parseable. Returns the parsed submission, or the 4xx to send.
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

  const wait = await limiter.hit(req.info.client.key);
  if (wait > 0)
    return fail(429, `Troppi invii ravvicinati: riprova tra ${Math.ceil(wait / 60)} minuti.`, {
      'Retry-After': String(wait),
    });
  if (type !== 'application/json' && !isForm) {
    return json(415, {
      error: 'Formato non supportato: invia JSON (application/json) o un modulo (application/x-www-form-urlencoded).',
    });
  }
  if (isForm) return { isForm, input: Object.fromEntries(req.info.form), form: req.info.form, fail };
  let input: unknown;
  try {
    input = JSON.parse(req.info.body);
  } catch {
    return json(400, { error: 'Il corpo della richiesta non è JSON valido.' });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return json(400, { error: 'Il corpo della richiesta deve essere un oggetto JSON.' });
  return { isForm, input, fail };
}
