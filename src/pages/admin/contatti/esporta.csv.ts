import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { getQuiz } from '../../../server/content.ts';
import { leadQueryFrom } from '../../../lib/leads/lead-query.ts';
import { leadsToCsv } from '../../../lib/leads/csv.ts';
import { isoDay } from '../../../lib/format/date.ts';

export const prerender = false;

/**
 * The current view's leads as CSV, the same columns as `npm run leads:export`. Each lead's
 * history and the audit log say who exported it.
 */
export const GET: APIRoute = async ({ url, locals }) => {
  const rt = await getRuntime();
  const actor = locals.admin!.user;
  const query = leadQueryFrom(url.searchParams);
  const today = isoDay(new Date());
  const leads = await rt.leads.all(query, today);
  await rt.leads.recordExport(query, today, actor);
  await rt.audit.record({ actor, action: 'leads-export', detail: { count: leads.length, view: url.search } });
  return new Response(leadsToCsv(leads, await getQuiz()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="contatti-${isoDay(new Date())}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
