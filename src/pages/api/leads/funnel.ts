import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { getQuiz } from '../../../server/content.ts';
import { handleBeacon } from '../../../server/funnel/handle-beacon.ts';
import { json } from '../../../server/http/responses.ts';
import { methodNotAllowed } from '../../../server/http/form-endpoint.ts';

export const prerender = false;

/** The island's anonymous funnel beacons (navigator.sendBeacon, text/plain). */
export const POST: APIRoute = async (context) => {
  try {
    return await handleBeacon(context.locals.request!, await getQuiz(), await getRuntime());
  } catch (error) {
    console.error('/api/leads/funnel:', error);
    return json(503, { error: 'Non siamo riusciti a registrare il passaggio.' }, { 'Retry-After': '30' });
  }
};

export const ALL: APIRoute = methodNotAllowed;
