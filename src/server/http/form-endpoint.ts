import type { APIContext } from 'astro';
import type { SubmissionRequest } from './submission.ts';
import { json } from './responses.ts';

/**
 * Runs a form endpoint's handler with what both endpoints need: the request and what the
 * gate read of it, a 503 (not a 500, and nothing stored) on a fault of ours, and the
 * rewrite to the page that shows a plain form again with its errors.
 */
export async function formEndpoint<Retry>(
  context: APIContext,
  handle: (request: SubmissionRequest) => Promise<Response | Retry>,
  showAgain: (retry: Retry) => string,
  failure: string,
): Promise<Response> {
  let outcome: Response | Retry;
  try {
    outcome = await handle({ request: context.request, info: context.locals.request! });
  } catch (error) {
    console.error(`${context.url.pathname}:`, error);
    return json(503, { error: failure }, { 'Retry-After': '30' });
  }
  return outcome instanceof Response ? outcome : context.rewrite(showAgain(outcome));
}

/** The answer to any method but POST. */
export const methodNotAllowed = () => json(405, { error: 'Metodo non consentito: usa POST.' }, { Allow: 'POST' });
