import type { AccountStore } from '../storage/account-store.ts';
import type { LeadStore, LeadSummary } from '../storage/lead-store.ts';
import type { OutboxStore } from '../storage/outbox-store.ts';
import { can } from '../../lib/accounts/roles.ts';
import { DEFAULT_QUERY } from '../../lib/leads/lead-query.ts';
import { dailySummaryEmail, hasNews, SUMMARY_HOUR, type SummaryLead } from '../../lib/notify/daily-summary.ts';
import { isoDay, romeHour } from '../../lib/format/date.ts';

export interface SummaryDeps {
  accounts: AccountStore;
  leads: LeadStore;
  outbox: OutboxStore;
  siteUrl: string;
  /** The title of an outcome (from the test's content). */
  outcomeTitle: (id: string) => string;
}

/**
 * Queues the morning summary of every member who asked for it and works leads: the leads
 * of the last 24 hours and their own follow-ups due. Run every few minutes by one instance
 * at a time; each member gets at most one per day (`queueDailySummary`), none before 8:00
 * in Rome and none when there is nothing to tell. Returns how many were queued.
 */
export async function queueDailySummaries(deps: SummaryDeps, now = new Date()): Promise<number> {
  const hour = romeHour(now);
  const day = isoDay(now);
  if (hour < SUMMARY_HOUR) return 0;
  const received = await deps.leads.receivedSince(new Date(now.getTime() - 86_400_000));
  let queued = 0;
  for (const account of await deps.accounts.active()) {
    if (!account.dailySummary || !can(account.role, 'leads')) continue;
    const due = await deps.leads.page({ ...DEFAULT_QUERY, responsabile: account.email, ricontatto: 'oggi' }, day, 50);
    const summary = {
      // "Buongiorno Carla", not "Buongiorno Carla Conti".
      name: account.name.split(/\s+/)[0],
      day,
      received: received.map((l) => summaryLead(l, deps.outcomeTitle)),
      due: due.rows.map((l) => summaryLead(l, deps.outcomeTitle)),
      siteUrl: deps.siteUrl,
    };
    if (!hasNews(summary)) continue;
    const message = { ...dailySummaryEmail(summary), to: [account.email] };
    if (await deps.outbox.queueDailySummary(account.email, day, message, now)) queued++;
  }
  return queued;
}

function summaryLead(lead: LeadSummary, outcomeTitle: (id: string) => string): SummaryLead {
  return {
    id: lead.id,
    name: `${lead.nome} ${lead.cognome}`,
    company: lead.azienda,
    outcome: outcomeTitle(lead.outcome),
    scorePercent: lead.scorePercent,
    followUp: lead.followUp,
  };
}
