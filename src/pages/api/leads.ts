import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { handleLead } from '../../server/leads/handle-lead.ts';
import { getRuntime } from '../../server/runtime.ts';
import { json } from '../../server/http/responses.ts';
import { formEndpoint, methodNotAllowed } from '../../server/http/form-endpoint.ts';

export const prerender = false;

export const POST: APIRoute = async (context) => {
  const quiz = await getEntry('quiz', 'test-gratuito');
  if (!quiz) return json(503, { error: 'Il test non è disponibile in questo momento.' });
  return formEndpoint(
    context,
    (request) => handleLead(request, quiz.data, getRuntime()),
    (retry) => {
      context.locals.leadForm = retry;
      return '/test-gratuito/correggi/';
    },
    'Non siamo riusciti a salvare i dati: riprova tra qualche istante.',
  );
};

export const ALL: APIRoute = methodNotAllowed;
