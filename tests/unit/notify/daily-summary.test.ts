import { describe, it, expect } from 'vitest';
import { dailySummaryEmail, hasNews, type DailySummary } from '../../../src/lib/notify/daily-summary.ts';

const lead = (n: number, extra: Partial<DailySummary['received'][number]> = {}) => ({
  id: `lead-${n}`,
  name: `Mario ${n}`,
  company: `Rossi ${n} <Srl>`,
  outcome: 'In target',
  scorePercent: 80 + n,
  ...extra,
});

describe('the morning summary', () => {
  const summary: DailySummary = {
    name: 'Anna',
    day: '2026-11-30',
    received: [lead(1), lead(2)],
    due: [lead(3, { followUp: '2026-11-29' })],
    siteUrl: 'https://www.segnalazionevincente.com',
  };

  it('is sent only with something to say', () => {
    expect(hasNews(summary)).toBe(true);
    expect(hasNews({ received: [], due: [lead(1)] })).toBe(true);
    expect(hasNews({ received: [lead(1)], due: [] })).toBe(true);
    expect(hasNews({ received: [], due: [] })).toBe(false);
  });

  it('says how many leads came and are due, with a link to each', () => {
    const email = dailySummaryEmail(summary);
    expect(email.subject).toBe('Riepilogo del 30/11/2026: 2 nuovi contatti, 1 da ricontattare');
    expect(email.text).toBe(
      [
        'Buongiorno Anna,',
        '',
        'Arrivati nelle ultime 24 ore: 2',
        '- Mario 1, Rossi 1 <Srl> (In target, 81/100)',
        '  https://www.segnalazionevincente.com/admin/contatti/lead-1/',
        '- Mario 2, Rossi 2 <Srl> (In target, 82/100)',
        '  https://www.segnalazionevincente.com/admin/contatti/lead-2/',
        '',
        'Da ricontattare oggi: 1',
        '- Mario 3, Rossi 3 <Srl> (In target, 83/100), ricontattare il 29/11/2026',
        '  https://www.segnalazionevincente.com/admin/contatti/lead-3/',
        '',
        'Tutti i contatti: https://www.segnalazionevincente.com/admin/contatti/',
        'Per non ricevere più questo riepilogo: https://www.segnalazionevincente.com/admin/account/',
      ].join('\n'),
    );
    expect(email.html).toContain(
      '<li><a href="https://www.segnalazionevincente.com/admin/contatti/lead-1/">Mario 1, Rossi 1 &lt;Srl&gt; (In target, 81/100)</a></li>',
    );
    expect(email.html).not.toContain('<Srl>');
  });

  it('says “Nessuno” for an empty part, and counts one in the singular', () => {
    const email = dailySummaryEmail({ ...summary, received: [lead(1)], due: [] });
    expect(email.subject).toBe('Riepilogo del 30/11/2026: 1 nuovo contatto, 0 da ricontattare');
    expect(email.html).toBe(
      [
        '<p>Buongiorno Anna,</p>',
        '<h2>Arrivati nelle ultime 24 ore: 1</h2>',
        '<ul><li><a href="https://www.segnalazionevincente.com/admin/contatti/lead-1/">Mario 1, Rossi 1 &lt;Srl&gt; (In target, 81/100)</a></li></ul>',
        '<h2>Da ricontattare oggi: 0</h2>',
        '<p>Nessuno.</p>',
        '<p><a href="https://www.segnalazionevincente.com/admin/contatti/">Tutti i contatti</a> · <a href="https://www.segnalazionevincente.com/admin/account/">non ricevere più questo riepilogo</a></p>',
      ].join('\n'),
    );
    expect(dailySummaryEmail(summary).html).toContain('</a></li><li><a href=');
  });

  it('keeps a name with a line break from adding a line', () => {
    expect(dailySummaryEmail({ ...summary, name: 'Anna\nBcc: x@y.it' }).text.split('\n')[0]).not.toBe(
      'Buongiorno Anna',
    );
    expect(dailySummaryEmail({ ...summary, name: 'Anna\nBcc: x@y.it' }).text.split('\n')[1]).toBe('');
  });
});
