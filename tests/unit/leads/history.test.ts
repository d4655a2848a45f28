import { describe, it, expect } from 'vitest';
import { historyLines, type HistoryEvent } from '../../../src/lib/leads/history.ts';

const names: Record<string, string> = { 'anna@sv.it': 'Anna', 'bruno@sv.it': 'Bruno' };
const nameOf = (user: string) => names[user] ?? user;

describe('a lead’s history', () => {
  it('tells each event in one Italian sentence, oldest first, whoever recorded it first', () => {
    const events: HistoryEvent[] = [
      { at: '2026-11-30T10:00:00Z', actor: 'anna@sv.it', kind: 'note', detail: { text: 'Richiamare dopo le 15' } },
      { at: '2026-11-29T10:00:00Z', kind: 'received', detail: {} },
      { at: '2026-11-29T10:00:05Z', kind: 'delivery', detail: { channel: 'email', status: 'sent' } },
      { at: '2026-11-29T10:00:06Z', kind: 'delivery', detail: { channel: 'webhook', status: 'failed' } },
      { at: '2026-11-30T09:00:00Z', actor: 'anna@sv.it', kind: 'status', detail: { from: 'new', to: 'meeting' } },
      { at: '2026-11-30T09:01:00Z', actor: 'anna@sv.it', kind: 'owner', detail: { from: null, to: 'bruno@sv.it' } },
      { at: '2026-11-30T09:02:00Z', actor: 'bruno@sv.it', kind: 'owner', detail: { from: 'bruno@sv.it', to: null } },
      { at: '2026-11-30T09:03:00Z', actor: 'bruno@sv.it', kind: 'follow-up', detail: { from: null, to: '2026-12-05' } },
      { at: '2026-11-30T09:04:00Z', actor: 'bruno@sv.it', kind: 'follow-up', detail: { from: '2026-12-05', to: null } },
      { at: '2026-11-30T11:00:00Z', actor: 'ex@sv.it', kind: 'export', detail: { format: 'csv' } },
      { at: '2026-11-30T12:00:00Z', kind: 'status', detail: { from: null, to: null } },
    ];
    expect(historyLines(events, nameOf)).toEqual([
      { at: '2026-11-29T10:00:00Z', text: 'Contatto ricevuto dal test.' },
      { at: '2026-11-29T10:00:05Z', text: 'Email al team consegnato.' },
      { at: '2026-11-29T10:00:06Z', text: 'Webhook al CRM non consegnato.' },
      { at: '2026-11-30T09:00:00Z', text: 'Anna ha spostato il contatto da «nuovo» a «appuntamento fissato».' },
      { at: '2026-11-30T09:01:00Z', text: 'Anna ha affidato il contatto a Bruno.' },
      { at: '2026-11-30T09:02:00Z', text: 'Bruno ha tolto il responsabile.' },
      { at: '2026-11-30T09:03:00Z', text: 'Bruno ha fissato il ricontatto al 05/12/2026.' },
      { at: '2026-11-30T09:04:00Z', text: 'Bruno ha tolto la data di ricontatto.' },
      { at: '2026-11-30T10:00:00Z', text: 'Anna ha scritto una nota:', note: 'Richiamare dopo le 15' },
      { at: '2026-11-30T11:00:00Z', text: 'ex@sv.it ha esportato il contatto in CSV.' },
      { at: '2026-11-30T12:00:00Z', text: 'Il sito ha spostato il contatto da «nuovo» a «nuovo».' },
    ]);
  });

  it('leaves the events it is given in their order', () => {
    const events: HistoryEvent[] = [
      { at: '2026-11-30T10:00:00Z', kind: 'received', detail: {} },
      { at: '2026-11-29T10:00:00Z', kind: 'received', detail: {} },
    ];
    historyLines(events, nameOf);
    expect(events[0].at).toBe('2026-11-30T10:00:00Z');
  });
});
