import { statusLabel } from './pipeline.ts';
import { formatDay } from '../format/date.ts';

/** What happened to a lead, as stored (`lead_events`) or known from its deliveries. */
export type HistoryEvent =
  | {
      at: string;
      actor?: string;
      kind: 'status' | 'owner' | 'follow-up';
      detail: { from: string | null; to: string | null };
    }
  | { at: string; actor?: string; kind: 'note'; detail: { text: string } }
  | { at: string; actor?: string; kind: 'export'; detail: Record<string, unknown> }
  | { at: string; kind: 'delivery'; detail: { channel: string; status: string } }
  | { at: string; kind: 'received'; detail: Record<string, never> };

export interface HistoryLine {
  at: string;
  /** One Italian sentence. */
  text: string;
  /** A note's own words, shown apart (never inside the sentence). */
  note?: string;
}

/**
 * A lead's history as the team reads it, oldest first: received, worked on (status, owner,
 * follow-up, notes), exported, notified. `nameOf` turns an account into a name.
 */
export function historyLines(events: HistoryEvent[], nameOf: (user: string) => string): HistoryLine[] {
  const who = (actor?: string) => (actor ? nameOf(actor) : 'Il sito');
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e): HistoryLine => {
      switch (e.kind) {
        case 'received':
          return { at: e.at, text: 'Contatto ricevuto dal test.' };
        case 'status':
          return {
            at: e.at,
            text: `${who(e.actor)} ha spostato il contatto da «${statusLabel(e.detail.from ?? 'new')}» a «${statusLabel(e.detail.to ?? 'new')}».`,
          };
        case 'owner':
          return {
            at: e.at,
            text: e.detail.to
              ? `${who(e.actor)} ha affidato il contatto a ${nameOf(e.detail.to)}.`
              : `${who(e.actor)} ha tolto il responsabile.`,
          };
        case 'follow-up':
          return {
            at: e.at,
            text: e.detail.to
              ? `${who(e.actor)} ha fissato il ricontatto al ${formatDay(e.detail.to)}.`
              : `${who(e.actor)} ha tolto la data di ricontatto.`,
          };
        case 'note':
          return { at: e.at, text: `${who(e.actor)} ha scritto una nota:`, note: e.detail.text };
        case 'export':
          return { at: e.at, text: `${who(e.actor)} ha esportato il contatto in CSV.` };
        case 'delivery':
          return {
            at: e.at,
            text: `${e.detail.channel === 'email' ? 'Email al team' : 'Webhook al CRM'} ${e.detail.status === 'sent' ? 'consegnato' : 'non consegnato'}.`,
          };
      }
    });
}
