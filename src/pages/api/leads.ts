import type { APIRoute } from 'astro';
import { handleLead } from '../../server/leads/handle-lead.ts';
import { getRuntime } from '../../server/runtime.ts';
import { getCompany, getQuiz, getPrivacyNotice } from '../../server/content.ts';
import { formEndpoint, methodNotAllowed } from '../../server/http/form-endpoint.ts';

export const prerender = false;

export const POST: APIRoute = async (context) =>
  formEndpoint(
    context,
    async (request) =>
      handleLead(
        request,
        {
          quiz: await getQuiz(),
          privacyNoticeVersion: (await getPrivacyNotice()).version,
          company: await getCompany(),
        },
        await getRuntime(),
      ),
    (retry) => {
      context.locals.leadForm = retry;
      return '/test-gratuito/correggi/';
    },
    'Non siamo riusciti a salvare i dati: riprova tra qualche istante.',
  );

export const ALL: APIRoute = methodNotAllowed;
