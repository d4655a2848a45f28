import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { AccountStore } from '../../src/server/storage/account-store.ts';
import { LeadStore } from '../../src/server/storage/lead-store.ts';
import { OutboxStore } from '../../src/server/storage/outbox-store.ts';
import { queueDailySummaries } from '../../src/server/notify/daily-summaries.ts';
import { seedLeads } from '../support/seed-leads.ts';
import { ENGINES, freshDb } from '../support/engines.ts';

describe.each(ENGINES)('the morning summaries on %s', (engine) => {
  let db: Db;
  let close: () => Promise<void>;
  let deps: Parameters<typeof queueDailySummaries>[0];
  // 8:30 in Rome on 1 December (UTC+1).
  const morning = new Date('2026-12-01T07:30:00Z');
  const queued = async () =>
    (await db.all("SELECT payload FROM outbox WHERE lead_id IS NULL AND channel = 'email' ORDER BY id")).map(
      (r) => JSON.parse(String(r.payload)) as { to: string[]; subject: string; text: string },
    );

  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
    const accounts = new AccountStore(db);
    for (const [email, role] of [
      ['carla@sv.it', 'commerciale'],
      ['dario@sv.it', 'commerciale'],
      ['ettore@sv.it', 'redazione'],
      ['tina@sv.it', 'titolare'],
    ] as const) {
      await accounts.create({ email, name: email.split('@')[0], role, passwordHash: 'x' });
      await accounts.setDailySummary(email, email !== 'dario@sv.it');
    }
    // One lead every 20 minutes from 23 h 10 min before: three in the last 24 hours, the rest before.
    await seedLeads(db, 100, new Date(morning.getTime() - (23 * 60 + 10) * 60_000));
    const leads = new LeadStore(db);
    await leads.setOwner('seed-90', 'carla@sv.it', 'tina@sv.it');
    await leads.setStatus('seed-90', 'contacted', 'tina@sv.it');
    await leads.setFollowUp('seed-90', '2026-11-28', 'carla@sv.it');
    deps = {
      accounts,
      leads,
      outbox: new OutboxStore(db),
      siteUrl: 'https://sv.example',
      outcomeTitle: (id) => `«${id}»`,
    };
  });
  afterEach(() => close());

  it('goes from 8:00 in Rome to those who asked for it and work leads, once a day', async () => {
    expect(await queueDailySummaries(deps, new Date('2026-12-01T06:59:00Z'))).toBe(0);
    expect(await queueDailySummaries(deps, morning)).toBe(2);
    expect(await queueDailySummaries(deps, new Date('2026-12-01T15:00:00Z'))).toBe(0);
    const mails = await queued();
    expect(mails.map((m) => m.to)).toEqual([['carla@sv.it'], ['tina@sv.it']]);
    expect(mails[0].subject).toBe('Riepilogo del 01/12/2026: 3 nuovi contatti, 1 da ricontattare');
    expect(mails[0].text).toContain('ricontattare il 28/11/2026\n  https://sv.example/admin/contatti/seed-90/');
    // The titolare has no follow-up of their own.
    expect(mails[1].subject).toBe('Riepilogo del 01/12/2026: 3 nuovi contatti, 0 da ricontattare');
    // The next day, again.
    expect(await queueDailySummaries(deps, new Date('2026-12-02T07:30:00Z'))).toBe(1);
  });

  it('sends none to a disabled member, and none with nothing to say', async () => {
    await deps.accounts.setDisabled('tina@sv.it', true);
    expect(await queueDailySummaries(deps, morning)).toBe(1);
    await deps.leads.setFollowUp('seed-90', null, 'carla@sv.it');
    // Two days later nothing is new and nothing is due.
    expect(await queueDailySummaries(deps, new Date('2026-12-03T07:30:00Z'))).toBe(0);
  });
});
