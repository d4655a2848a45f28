import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { migrate } from '../../src/server/storage/migrate.ts';
import { MIGRATIONS } from '../../src/server/storage/migrations.ts';
import { LeadStore } from '../../src/server/storage/lead-store.ts';
import { DEFAULT_QUERY, type LeadQuery } from '../../src/lib/leads/lead-query.ts';
import type { LeadRecord } from '../../src/lib/leads/lead-record.ts';
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

  it('counts result emails per address in a window and tells whether a lead has one', async () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const sent = { channel: 'email', status: 'pending', payload: {}, purpose: 'result' } as const;
    const team = { channel: 'email', status: 'pending', payload: {} } as const;
    const a = record(11, { contact: { ...record(11).contact, email: 'stessa@azienda.it' } });
    const b = record(12, { contact: { ...record(12).contact, email: 'stessa@azienda.it' } });
    const c = record(13, { contact: { ...record(13).contact, email: 'stessa@azienda.it' } });
    await store.insert(a, [team, sent]);
    await store.insert(b, [team, { ...sent, status: 'skipped' }]);
    await store.insert(c, [team]);
    const since = new Date(now.getTime() - 86_400_000);
    expect(await store.resultEmailsTo('stessa@azienda.it', since)).toBe(1);
    expect(await store.resultEmailsTo('stessa@azienda.it', new Date(now.getTime() + 1))).toBe(0);
    expect(await store.resultEmailsTo('altra@azienda.it', since)).toBe(0);
    expect([
      await store.hasResultEmail(a.id),
      await store.hasResultEmail(b.id),
      await store.hasResultEmail(c.id),
    ]).toEqual([true, false, false]);
    expect((await db.all('SELECT purpose FROM outbox ORDER BY id')).map((r) => r.purpose)).toEqual([
      'team',
      'result',
      'team',
      'result',
      'team',
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

  describe('the team’s view', () => {
    const view = (change: Partial<LeadQuery> = {}) => ({ ...DEFAULT_QUERY, ...change });
    const ids = async (change: Partial<LeadQuery> = {}, today = '2026-11-30') =>
      (await store.page(view(change), today)).rows.map((l) => l.id);
    const contact = (nome: string, cognome: string, email: string, azienda: string, telefono?: string, piva?: string) =>
      ({ nome, cognome, email, azienda, telefono, piva }) as LeadRecord['contact'];

    beforeEach(async () => {
      await store.insert(
        record(
          7,
          {
            outcome: 'alto',
            contact: contact('Giulia', 'Bianchi', 'giulia@alfa.it', 'Alfa Srl', '+393331112222', '12345678903'),
          },
          new Date('2026-11-01T10:00:00Z'),
        ),
        [],
      );
      await store.insert(
        record(
          8,
          {
            outcome: 'basso',
            utm: { utm_campaign: 'autunno_50%' },
            sourceArticle: 'un-altro-articolo',
            contact: contact('Marco', 'Verdi', 'marco@beta.it', 'Beta & C.'),
          },
          new Date('2026-11-03T10:00:00Z'),
        ),
        [],
      );
      await store.insert(record(9, { spamReason: 'honeypot' }, new Date('2026-11-02T10:00:00Z')), []);
      // Marco again, a month later: a returning person.
      await store.insert(
        record(
          10,
          { contact: contact('Marco', 'Verdi', 'marco@beta.it', 'Beta & C.') },
          new Date('2026-11-29T23:30:00Z'),
        ),
        [],
      );
    });

    it('searches name, surname, email, company, phone and P.IVA; every word must match', async () => {
      expect(await ids({ q: 'giulia' })).toEqual(['lead-7']);
      expect(await ids({ q: 'BIANCHI' })).toEqual(['lead-7']);
      expect(await ids({ q: 'beta.it' })).toEqual(['lead-10', 'lead-8']);
      expect(await ids({ q: 'alfa srl' })).toEqual(['lead-7']);
      expect(await ids({ q: '333 2222' })).toEqual(['lead-7']); // two words, each found in the phone
      expect(await ids({ q: '3331112222' })).toEqual(['lead-7']);
      expect(await ids({ q: '45678903' })).toEqual(['lead-7']);
      expect(await ids({ q: 'marco alfa' })).toEqual([]);
      // LIKE's wildcards are plain characters in a search.
      expect(await ids({ q: '%' })).toEqual([]);
      expect(await ids({ q: '_' })).toEqual([]);
    });

    it('filters by outcome, article, campaign, dates (Rome’s days), marketing and spam, newest first', async () => {
      expect(await ids()).toEqual(['lead-10', 'lead-8', 'lead-7']);
      expect(await ids({ esito: 'alto' })).toEqual(['lead-7']);
      expect(await ids({ articolo: 'un-altro-articolo' })).toEqual(['lead-8']);
      expect(await ids({ campagna: 'autunno_50%' })).toEqual(['lead-8']);
      expect(await ids({ campagna: 'autunno' })).toEqual([]);
      expect(await ids({ dal: '2026-11-02', al: '2026-11-03', spam: 'inclusi' })).toEqual(['lead-8', 'lead-9']);
      // 23:30 UTC on the 29th is 00:30 on the 30th in Rome.
      expect(await ids({ dal: '2026-11-30' })).toEqual(['lead-10']);
      expect(await ids({ al: '2026-11-29' })).toEqual(['lead-8', 'lead-7']);
      expect(await ids({ spam: 'solo' })).toEqual(['lead-9']);
      expect(await ids({ marketing: 'no' })).toEqual(['lead-10', 'lead-8', 'lead-7']);
      expect(await ids({ marketing: 'si' })).toEqual([]);
      expect(await ids({ ordine: 'meno-recenti' })).toEqual(['lead-7', 'lead-8', 'lead-10']);
    });

    it('pages the view and counts it whole', async () => {
      expect(await store.page(view(), '2026-11-30', 2)).toMatchObject({
        total: 3,
        rows: [{ id: 'lead-10' }, { id: 'lead-8' }],
      });
      expect((await store.page(view({ pagina: 2 }), '2026-11-30', 2)).rows.map((l) => l.id)).toEqual(['lead-7']);
      expect((await store.page(view({ pagina: 9 }), '2026-11-30', 2)).rows).toEqual([]);
    });

    it('tells a returning person and shows their other tests', async () => {
      const rows = (await store.page(view(), '2026-11-30')).rows;
      expect(rows.map((l) => [l.id, l.visits])).toEqual([
        ['lead-10', 2],
        ['lead-8', 2],
        ['lead-7', 1],
      ]);
      expect((await store.sameEmail('marco@beta.it', 'lead-10')).map((l) => l.id)).toEqual(['lead-8']);
    });

    it('moves leads in the pipeline with owner and follow-up, writing each change in their history', async () => {
      const at = new Date('2026-11-30T09:00:00Z');
      expect(await store.setStatus('lead-7', 'contacted', 'anna@sv.it')).toBe(true);
      expect(await store.setStatus('lead-7', 'contacted', 'anna@sv.it')).toBe(false); // already there
      expect(await store.setStatus('nessuno', 'contacted', 'anna@sv.it')).toBe(false);
      expect(await store.setOwner('lead-7', 'anna@sv.it', 'anna@sv.it')).toBe(true);
      expect(await store.setFollowUp('lead-7', '2026-12-02', 'anna@sv.it')).toBe(true);
      expect(await store.setFollowUp('lead-8', '2026-11-29', 'bruno@sv.it')).toBe(true);
      expect(await store.addNote('lead-7', 'Richiamare dopo le 15', 'anna@sv.it', at)).toBe(true);
      expect(await store.addNote('nessuno', 'x', 'anna@sv.it', at)).toBe(false);

      expect(await store.find('lead-7')).toMatchObject({
        status: 'contacted',
        owner: 'anna@sv.it',
        followUp: '2026-12-02',
      });
      expect((await store.history('lead-7')).map((e) => [e.kind, e.actor, e.detail])).toEqual([
        ['status', 'anna@sv.it', { from: 'new', to: 'contacted' }],
        ['owner', 'anna@sv.it', { from: null, to: 'anna@sv.it' }],
        ['follow-up', 'anna@sv.it', { from: null, to: '2026-12-02' }],
        ['note', 'anna@sv.it', { text: 'Richiamare dopo le 15' }],
      ]);
      expect(await store.statusCounts()).toEqual({ new: 2, contacted: 1 });
      expect(await ids({ stato: 'contacted' })).toEqual(['lead-7']);
      expect(await ids({ stato: 'aperti' })).toEqual(['lead-10', 'lead-8', 'lead-7']);
      expect(await ids({ responsabile: 'anna@sv.it' })).toEqual(['lead-7']);
      expect(await ids({ responsabile: 'nessuno' })).toEqual(['lead-10', 'lead-8']);
      // Due today counts the late ones too; "in ritardo" only those; a week ahead both.
      expect(await ids({ ricontatto: 'oggi' }, '2026-11-30')).toEqual(['lead-8']);
      expect(await ids({ ricontatto: 'scaduti' }, '2026-11-29')).toEqual([]);
      expect(await ids({ ricontatto: 'settimana' }, '2026-11-30')).toEqual(['lead-8', 'lead-7']);
      expect(await ids({ ordine: 'ricontatto' })).toEqual(['lead-8', 'lead-7', 'lead-10']);
      // A lead that is closed is not due any more.
      await store.setStatus('lead-8', 'not-interested', 'bruno@sv.it');
      expect(await ids({ ricontatto: 'oggi' }, '2026-11-30')).toEqual([]);
      expect(await store.setFollowUp('lead-7', null, 'anna@sv.it')).toBe(true);
      expect((await store.find('lead-7'))?.followUp).toBeUndefined();
    });

    it('records an export in the history of every lead of the view, and reads the view whole', async () => {
      const at = new Date('2026-11-30T09:00:00Z');
      expect(await store.recordExport(view({ q: 'marco' }), '2026-11-30', 'anna@sv.it', at)).toBe(2);
      expect((await store.history('lead-8')).map((e) => e.kind)).toEqual(['export']);
      expect(await store.history('lead-7')).toEqual([]);
      expect((await store.all(view({ q: 'marco' }), '2026-11-30')).map((l) => [l.id, l.status])).toEqual([
        ['lead-10', 'new'],
        ['lead-8', 'new'],
      ]);
    });

    it('counts and lists what came in since a moment, spam aside', async () => {
      expect(await store.countSince(new Date('2026-11-02T00:00:00Z'))).toBe(2);
      expect((await store.receivedSince(new Date('2026-11-02T00:00:00Z'))).map((l) => l.id)).toEqual([
        'lead-10',
        'lead-8',
      ]);
    });
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
