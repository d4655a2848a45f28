import type { APIRoute } from 'astro';
import { getRuntime } from '../../../server/runtime.ts';
import { auditToCsv } from '../../../lib/accounts/audit.ts';
import { isoDay } from '../../../lib/format/date.ts';

export const prerender = false;

/** The whole audit log as CSV (titolare only, as the guard's table says); the export is itself logged. */
export const GET: APIRoute = async ({ locals }) => {
  const rt = await getRuntime();
  const actor = locals.admin!.user;
  await rt.audit.record({ actor, action: 'audit-export', detail: {} });
  return new Response(auditToCsv(await rt.audit.all()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="registro-${isoDay(new Date())}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};
