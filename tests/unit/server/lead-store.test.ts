import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase, migrate } from '../../../src/server/storage/database.ts';
import { MIGRATIONS } from '../../../src/server/storage/migrations.ts';
import { SqliteLeadStore } from '../../../src/server/storage/lead-store.ts';
import { OutboxStore } from '../../../src/server/storage/outbox-store.ts';
import { record } from '../../support/lead-records.ts';

let dir: string;
let db: DatabaseSync;
let store: SqliteLeadStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sv-store-'));
  db = openDatabase(dir);
  store = new SqliteLeadStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite lead store', () => {
  it('opens with WAL, foreign keys and every migration applied once', () => {
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(migrate(db)).toEqual([]);
    expect(
      db
        .prepare('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    ).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('stores a lead with its consents and outbox, and reads it back unchanged', () => {
    const lead = record(1);
    expect(store.insert(lead, [{ channel: 'email', status: 'pending', payload: { subject: 's' } }])).toEqual({
      created: true,
      lead,
    });
    expect(store.get(lead.id)).toEqual(lead);
    expect(new OutboxStore(db).claim('email', new Date('2030-01-01'), new Date('2030-01-02'))).toMatchObject([
      { leadId: lead.id, channel: 'email', payload: { subject: 's' }, attempts: 1 },
    ]);
  });

  it('returns the existing lead for a known idempotency key and stores nothing more', () => {
    const lead = record(2);
    store.insert(lead, [{ channel: 'email', status: 'pending', payload: {} }]);
    const again = store.insert({ ...lead, id: 'other-id' }, [{ channel: 'email', status: 'pending', payload: {} }]);
    expect(again).toEqual({ created: false, lead });
    expect(db.prepare('SELECT COUNT(*) AS n FROM leads').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('writes all or nothing: a failing outbox row leaves no lead behind', () => {
    const lead = record(3);
    expect(() => store.insert(lead, [{ channel: 'fax' as 'email', status: 'pending', payload: {} }])).toThrow();
    expect(store.get(lead.id)).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM consents').get()).toEqual({ n: 0 });
  });

  it('lists leads since a date, spam only when asked', () => {
    store.insert(record(4, {}, new Date('2026-10-01T00:00:00Z')), []);
    store.insert(record(5, { spamReason: 'honeypot' }, new Date('2026-11-01T00:00:00Z')), []);
    store.insert(record(6, {}, new Date('2026-11-02T00:00:00Z')), []);
    expect(store.list({}).map((l) => l.id)).toEqual(['lead-4', 'lead-6']);
    expect(store.list({ includeSpam: true }).map((l) => l.id)).toEqual(['lead-4', 'lead-5', 'lead-6']);
    expect(store.list({ since: new Date('2026-10-15') }).map((l) => l.id)).toEqual(['lead-6']);
  });

  it('merges the same content sent again recently, unless the earlier one is spam', () => {
    const at = (iso: string) => new Date(iso);
    const first = record(10, { payloadHash: 'same', idempotencyKey: 'k1', createdAt: '2026-11-30T10:00:00.000Z' });
    expect(store.insertUnlessRecent(first, [], at('2026-11-30T09:55:00Z')).created).toBe(true);
    const again = record(11, { payloadHash: 'same', idempotencyKey: 'k2', createdAt: '2026-11-30T10:01:00.000Z' });
    expect(store.insertUnlessRecent(again, [], at('2026-11-30T09:51:00Z'))).toMatchObject({
      created: false,
      lead: { id: first.id },
    });
    // Later than the window: a new submission (the same person taking the test again).
    expect(store.insertUnlessRecent(again, [], at('2026-11-30T10:00:00.001Z')).created).toBe(true);
    const spam = record(12, { payloadHash: 'bot', idempotencyKey: 'k3', spamReason: 'honeypot' });
    store.insertUnlessRecent(spam, [], at('2020-01-01T00:00:00Z'));
    const genuine = record(13, { payloadHash: 'bot', idempotencyKey: 'k4' });
    expect(store.insertUnlessRecent(genuine, [], at('2020-01-01T00:00:00Z')).created).toBe(true);
  });

  it('counts the leads that came with a start token', () => {
    store.insert(record(20, { tokenDigest: 't1' }), []);
    store.insert(record(21, { tokenDigest: 't1' }), []);
    store.insert(record(22, { tokenDigest: 't2' }), []);
    expect([store.countByToken('t1'), store.countByToken('t2'), store.countByToken('t3')]).toEqual([2, 1, 0]);
  });
});
