import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { getQuiz } from '../../../server/content.ts';
import { loadFunnel, reportDays } from '../../../server/funnel/report.ts';
import { funnelCsv } from '../../../lib/funnel/report.ts';

export const prerender = false;

/** The funnel of the chosen days as CSV (counters only: no personal data, so not logged as an export of leads). */
export const GET: APIRoute = async ({ url }) => {
  const days = reportDays(url.searchParams);
  const { report } = await loadFunnel(await getRuntime(), await getQuiz(), days);
  return new Response(funnelCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="statistiche-test-${days.from}-${days.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
