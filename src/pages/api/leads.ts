import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { handleLead } from '../../server/leads/handle-lead.ts';
import { getRuntime } from '../../server/runtime.ts';
import { json } from '../../server/http/responses.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const quiz = await getEntry('quiz', 'test-gratuito');
  if (!quiz) return json(503, { error: 'Il test non è disponibile in questo momento.' });
  let outcome;
  try {
    outcome = await handleLead(
      {
        // The plain form may be re-rendered by a rewrite, which Astro refuses for a request whose body was read.
        request: isPlainForm(context.request) ? context.request.clone() : context.request,
        url: context.url,
        clientAddress: context.clientAddress,
        // The public site's origin is allowed too, for a proxy that does not forward the host.
        allowedOrigins: context.site ? [context.site.origin] : [],
      },
      quiz.data,
      getRuntime(),
    );
  } catch (error) {
    // A fault of ours (disk full, database locked too long): nothing was stored, so say "retry".
    console.error('lead endpoint:', error);
    return json(
      503,
      { error: 'Non siamo riusciti a salvare i dati: riprova tra qualche istante.' },
      { 'Retry-After': '30' },
    );
  }
  if (outcome instanceof Response) return outcome;
  context.locals.leadForm = outcome;
  return context.rewrite('/test-gratuito/correggi/');
};

function isPlainForm(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
}

export const ALL: APIRoute = () => json(405, { error: 'Metodo non consentito: usa POST.' }, { Allow: 'POST' });
