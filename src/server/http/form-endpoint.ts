import type { APIContext } from 'astro';
import type { SubmissionRequest } from './submission.ts';
import { json } from './responses.ts';
import { getRuntime } from '../runtime.ts';

/**
 * Runs a form endpoint's handler with what both endpoints need: the request as the
 * handler may read it, a 503 (not a 500, and nothing stored) on a fault of ours, and
 * the rewrite to the page that shows a plain form again with its errors.
 */
export async function formEndpoint<Retry>(
  context: APIContext,
  handle: (request: SubmissionRequest) => Promise<Response | Retry>,
  showAgain: (retry: Retry) => string,
  failure: string,
): Promise<Response> {
  const form = (context.request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  let outcome: Response | Retry;
  try {
    outcome = await handle({
      // A plain form may come back through a rewrite, which Astro refuses once a request's body was read.
      request: form ? context.request.clone() : context.request,
      url: context.url,
      clientAddress: context.clientAddress,
      // The public site's origin is allowed too, for a proxy that does not forward the host.
      allowedOrigins: context.site ? [context.site.origin] : [],
      bodyTimeoutSeconds: getRuntime().config.bodyTimeoutSeconds,
    });
  } catch (error) {
    console.error(`${context.url.pathname}:`, error);
    return json(503, { error: failure }, { 'Retry-After': '30' });
  }
  return outcome instanceof Response ? outcome : context.rewrite(showAgain(outcome));
}

/** The answer to any method but POST. */
export const methodNotAllowed = () => json(405, { error: 'Metodo non consentito: usa POST.' }, { Allow: 'POST' });
