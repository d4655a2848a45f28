import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { personalData } from '../../../server/storage/privacy.ts';

export const prerender = false;

/** Everything stored about one email, as JSON, for an access request (art. 15 GDPR). */
export const GET: APIRoute = async ({ url, locals }) => {
  const email = (url.searchParams.get('email') ?? '').trim();
  if (!email) return new Response('Indica un indirizzo email.', { status: 400 });
  const rt = await getRuntime();
  const data = await personalData(rt.db, email);
  await rt.audit.record({
    actor: locals.admin!.user,
    action: 'privacy-export',
    detail: { leads: data.leads.length, comments: data.comments.length },
  });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="dati-personali.json"',
      'Cache-Control': 'no-store',
    },
  });
};
