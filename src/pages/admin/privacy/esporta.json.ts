import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { personalData } from '../../../server/storage/privacy.ts';

export const prerender = false;

/** Everything stored about one email, as JSON, for an access request (art. 15 GDPR). */
export const GET: APIRoute = async ({ url }) => {
  const email = (url.searchParams.get('email') ?? '').trim();
  if (!email) return new Response('Indica un indirizzo email.', { status: 400 });
  return new Response(JSON.stringify(await personalData((await getRuntime()).db, email), null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="dati-personali.json"',
      'Cache-Control': 'no-store',
    },
  });
};
