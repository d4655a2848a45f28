import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { leadFilterFrom } from '../../../server/admin/lead-filter.ts';
import { leadsToCsv } from '../../../lib/leads/csv.ts';
import { getQuiz } from '../../../server/content.ts';

export const prerender = false;

/** The current filter's leads as CSV, the same columns as `npm run leads:export`. */
export const GET: APIRoute = async ({ url }) => {
  const quiz = await getQuiz();
  const leads = await (await getRuntime()).leads.search(leadFilterFrom(url.searchParams));
  return new Response(leadsToCsv(leads, quiz), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="contatti-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
