import type { Quiz } from '../../lib/quiz/schema.ts';
import { funnelReport, funnelStepLabels, leadSources } from '../../lib/funnel/report.ts';
import { addDays, isoDay, romeMidnight } from '../../lib/format/date.ts';
import type { Runtime } from '../runtime.ts';

/** The days a report covers: `dal` and `al` from the URL (YYYY-MM-DD), else the last 30 days. */
export function reportDays(params: URLSearchParams, now = new Date()): { from: string; to: string } {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const to = day(params.get('al')) ?? isoDay(now);
  const from = day(params.get('dal')) ?? addDays(to, -29);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** The funnel of the test's current version, and where the leads of those days came from. */
export async function loadFunnel(rt: Runtime, quiz: Quiz, days: { from: string; to: string }) {
  const counts = await rt.funnel.counts(quiz.id, quiz.version, days.from, days.to);
  const until = romeMidnight(addDays(days.to, 1));
  const leads = (await rt.leads.list({ since: romeMidnight(days.from) })).filter((l) => new Date(l.createdAt) < until);
  return {
    report: funnelReport(counts, funnelStepLabels(quiz), quiz.bands),
    sources: leadSources(leads),
  };
}
