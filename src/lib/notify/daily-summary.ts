import type { EmailMessage } from './lead-notification.ts';
import { escapeHtml, oneLine } from './escape.ts';
import { printable } from '../text/characters.ts';
import { formatDay } from '../format/date.ts';

/** A lead as the summary lists it: who, from where, how it went, a link to it. */
export interface SummaryLead {
  id: string;
  name: string;
  company: string;
  outcome: string;
  scorePercent: number;
  /** YYYY-MM-DD, for follow-ups. */
  followUp?: string;
}

export interface DailySummary {
  /** The first name of the member it goes to. */
  name: string;
  /** YYYY-MM-DD, Rome. */
  day: string;
  /** Leads received in the last 24 hours. */
  received: SummaryLead[];
  /** The member's own leads to call back today or earlier. */
  due: SummaryLead[];
  /** The site's public origin, for links into the team area. */
  siteUrl: string;
}

/** The Rome hour from which the day's summary goes out. */
export const SUMMARY_HOUR = 8;

/** Whether a summary has anything to say: an empty one is not sent. */
export function hasNews(summary: Pick<DailySummary, 'received' | 'due'>): boolean {
  return summary.received.length + summary.due.length > 0;
}

/** The morning email to a member of the sales team: new leads, then their follow-ups due. */
export function dailySummaryEmail(s: DailySummary): EmailMessage {
  const subject = oneLine(
    `Riepilogo del ${formatDay(s.day)}: ${count(s.received.length, 'nuovo contatto', 'nuovi contatti')}, ${count(s.due.length, 'da ricontattare', 'da ricontattare')}`,
  );
  const link = (lead: SummaryLead) => `${s.siteUrl}/admin/contatti/${encodeURIComponent(lead.id)}/`;
  const line = (lead: SummaryLead) =>
    `${lead.name}, ${lead.company} (${lead.outcome}, ${lead.scorePercent}/100)${lead.followUp ? `, ricontattare il ${formatDay(lead.followUp)}` : ''}`;
  const sections: [string, SummaryLead[]][] = [
    ['Arrivati nelle ultime 24 ore', s.received],
    ['Da ricontattare oggi', s.due],
  ];
  const text = [
    `Buongiorno ${printable(s.name)},`,
    '',
    ...sections.flatMap(([title, leads]) => [
      `${title}: ${leads.length}`,
      ...leads.map((lead) => `- ${printable(line(lead))}\n  ${link(lead)}`),
      '',
    ]),
    `Tutti i contatti: ${s.siteUrl}/admin/contatti/`,
    `Per non ricevere più questo riepilogo: ${s.siteUrl}/admin/account/`,
  ].join('\n');
  const html = [
    `<p>Buongiorno ${escapeHtml(s.name)},</p>`,
    ...sections.flatMap(([title, leads]) => [
      `<h2>${escapeHtml(title)}: ${leads.length}</h2>`,
      leads.length
        ? `<ul>${leads.map((lead) => `<li><a href="${escapeHtml(link(lead))}">${escapeHtml(line(lead))}</a></li>`).join('')}</ul>`
        : '<p>Nessuno.</p>',
    ]),
    `<p><a href="${escapeHtml(s.siteUrl)}/admin/contatti/">Tutti i contatti</a> · <a href="${escapeHtml(s.siteUrl)}/admin/account/">non ricevere più questo riepilogo</a></p>`,
  ].join('\n');
  return { subject, text, html };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
