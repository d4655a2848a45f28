import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { migrate } from '../../src/server/storage/migrate.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { LeadStore } from '../../src/server/storage/lead-store.ts';
import { OutboxStore } from '../../src/server/storage/outbox-store.ts';
import { record } from '../support/lead-records.ts';
import { ENGINES, freshDb } from '../support/engines.ts';

describe.each(ENGINES)('the lead store on %s', (engine) => {
  let db: Db;
  let close: () => Promise<void>;
  let store: LeadStore;
  const count = async (table: string) => Number((await db.get(`SELECT COUNT(*) AS n FROM ${table}`))?.n);

  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
    store = new LeadStore(db);
  });
  afterEach(() => close());

  it('has every migration applied once', async () => {
    expect(await migrate(db)).toEqual([]);
    expect(
      (await db.all('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version)),
    ).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('stores a lead with its consents and outbox, and reads it back unchanged', async () => {
    const lead = record(1);
    expect(await store.insert(lead, [{ channel: 'email', status: 'pending', payload: { subject: 's' } }])).toEqual({
      created: true,
      lead,
    });
    expect(await store.get(lead.id)).toEqual(lead);
    expect(await store.byIdempotencyKey(lead.idempotencyKey)).toEqual(lead);
    expect(await new OutboxStore(db).claim('email', new Date('2030-01-01'), new Date('2030-01-02'))).toMatchObject([
      { leadId: lead.id, channel: 'email', payload: { subject: 's' }, attempts: 1 },
    ]);
  });

  it('returns the existing lead for a known idempotency key and stores nothing more, also when racing', async () => {
    const lead = record(2);
    await store.insert(lead, [{ channel: 'email', status: 'pending', payload: {} }]);
    const again = await store.insert({ ...lead, id: 'other-id' }, [
      { channel: 'email', status: 'pending', payload: {} },
    ]);
    expect(again).toEqual({ created: false, lead });
    const racing = record(3);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.insert({ ...racing, id: `racer-${i}` }, [])),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
    expect([await count('leads'), await count('outbox')]).toEqual([2, 1]);
  });

  it('writes all or nothing: a failing outbox row leaves no lead behind', async () => {
    const lead = record(3);
    await expect(store.insert(lead, [{ channel: 'fax' as 'email', status: 'pending', payload: {} }])).rejects.toThrow();
    expect(await store.get(lead.id)).toBeNull();
    expect(await count('consents')).toBe(0);
  });

  it('lists leads since a date, spam only when asked', async () => {
    await store.insert(record(4, {}, new Date('2026-10-01T00:00:00Z')), []);
    await store.insert(record(5, { spamReason: 'honeypot' }, new Date('2026-11-01T00:00:00Z')), []);
    await store.insert(record(6, {}, new Date('2026-11-02T00:00:00Z')), []);
    expect((await store.list({})).map((l) => l.id)).toEqual(['lead-4', 'lead-6']);
    expect((await store.list({ includeSpam: true })).map((l) => l.id)).toEqual(['lead-4', 'lead-5', 'lead-6']);
    expect((await store.list({ since: new Date('2026-10-15') })).map((l) => l.id)).toEqual(['lead-6']);
  });

  it('searches the team area’s filters and sets a status', async () => {
    await store.insert(record(7, { outcome: 'alto' }, new Date('2026-11-01T10:00:00Z')), []);
    await store.insert(record(8, { outcome: 'basso' }, new Date('2026-11-03T10:00:00Z')), []);
    await store.insert(record(9, { spamReason: 'honeypot' }, new Date('2026-11-02T10:00:00Z')), []);
    const ids = async (filter: Parameters<LeadStore['search']>[0]) => (await store.search(filter)).map((l) => l.id);
    expect(await ids({})).toEqual(['lead-8', 'lead-7']);
    expect(await ids({ outcome: 'alto' })).toEqual(['lead-7']);
    expect(await ids({ from: '2026-11-02', to: '2026-11-03', spam: 'include' })).toEqual(['lead-8', 'lead-9']);
    expect(await ids({ spam: 'only' })).toEqual(['lead-9']);
    expect(await ids({ marketing: false })).toEqual(['lead-8', 'lead-7']);
    expect(await ids({ id: 'lead-9', spam: 'include' })).toEqual(['lead-9']);
    expect(await store.setStatus('lead-7', 'contacted')).toBe(true);
    expect(await store.setStatus('nessuno', 'contacted')).toBe(false);
    expect((await store.search({ id: 'lead-7' }))[0].status).toBe('contacted');
  });

  it('merges the same content sent again recently, unless the earlier one is spam', async () => {
    const at = (iso: string) => new Date(iso);
    const first = record(10, { payloadHash: 'same', idempotencyKey: 'k1', createdAt: '2026-11-30T10:00:00.000Z' });
    expect((await store.insertUnlessRecent(first, [], at('2026-11-30T09:55:00Z'))).created).toBe(true);
    const again = record(11, { payloadHash: 'same', idempotencyKey: 'k2', createdAt: '2026-11-30T10:01:00.000Z' });
    expect(await store.insertUnlessRecent(again, [], at('2026-11-30T09:51:00Z'))).toMatchObject({
      created: false,
      lead: { id: first.id },
    });
    // Later than the window: a new submission (the same person taking the test again).
    expect((await store.insertUnlessRecent(again, [], at('2026-11-30T10:00:00.001Z'))).created).toBe(true);
    const spam = record(12, { payloadHash: 'bot', idempotencyKey: 'k3', spamReason: 'honeypot' });
    await store.insertUnlessRecent(spam, [], at('2020-01-01T00:00:00Z'));
    const genuine = record(13, { payloadHash: 'bot', idempotencyKey: 'k4' });
    expect((await store.insertUnlessRecent(genuine, [], at('2020-01-01T00:00:00Z'))).created).toBe(true);
  });

  it('stores a double click once, even when both arrive at the same moment', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.insertUnlessRecent(
          record(30 + i, { payloadHash: 'doppio-clic', idempotencyKey: `form-${i}` }),
          [],
          new Date('2020-01-01T00:00:00Z'),
        ),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await count('leads')).toBe(1);
  });

  it('counts the leads that came with a start token', async () => {
    await store.insert(record(20, { tokenDigest: 't1' }), []);
    await store.insert(record(21, { tokenDigest: 't1' }), []);
    await store.insert(record(22, { tokenDigest: 't2' }), []);
    expect([await store.countByToken('t1'), await store.countByToken('t2'), await store.countByToken('t3')]).toEqual([
      2, 1, 0,
    ]);
  });
});
