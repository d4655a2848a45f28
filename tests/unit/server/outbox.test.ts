import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../../src/server/storage/database.ts';
import { SqliteLeadStore } from '../../../src/server/storage/lead-store.ts';
import { OutboxStore } from '../../../src/server/storage/outbox-store.ts';
import { OutboxWorker } from '../../../src/server/notify/outbox-worker.ts';
import { nextAttempt } from '../../../src/lib/notify/backoff.ts';
import { record } from '../../support/lead-records.ts';

describe('backoff', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [7, 1920],
    [12, 6 * 3600],
  ])('after %i failures waits %i s', (attempts, seconds) => {
    expect(nextAttempt(now, attempts, 30, 20)!.getTime() - now.getTime()).toBe(seconds * 1000);
  });
  it('gives up after the last attempt', () => {
    expect(nextAttempt(now, 8, 30, 8)).toBeNull();
  });
});

describe('the outbox worker', () => {
  let dir: string;
  let db: DatabaseSync;
  let outbox: OutboxStore;
  const status = () => db.prepare('SELECT channel, status, attempts, last_error FROM outbox ORDER BY id').all();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sv-outbox-'));
    db = openDatabase(dir);
    outbox = new OutboxStore(db);
    new SqliteLeadStore(db).insert(record(1, { createdAt: '2020-01-01T00:00:00.000Z' }), [
      { channel: 'email', status: 'pending', payload: { n: 1 } },
      { channel: 'webhook', status: 'pending', payload: { n: 2 } },
      { channel: 'email', status: 'skipped', payload: {} },
    ]);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers due items once and marks them sent; skipped items are left alone', async () => {
    const sent: unknown[] = [];
    const worker = new OutboxWorker(outbox, {
      senders: { email: async (p) => void sent.push(p), webhook: async (p) => void sent.push(p) },
      maxAttempts: 3,
      retrySeconds: 60,
      pollSeconds: 60,
    });
    await worker.kick();
    await worker.kick();
    expect(sent).toEqual([{ n: 1 }, { n: 2 }]);
    expect(status()).toEqual([
      { channel: 'email', status: 'sent', attempts: 1, last_error: null },
      { channel: 'webhook', status: 'sent', attempts: 1, last_error: null },
      { channel: 'email', status: 'skipped', attempts: 0, last_error: null },
    ]);
  });

  it('keeps a failed delivery for a later retry, and gives up after the last attempt', async () => {
    const worker = new OutboxWorker(outbox, {
      senders: { email: async () => {}, webhook: async () => Promise.reject(new Error('CRM giù')) },
      maxAttempts: 2,
      retrySeconds: 0.01,
      pollSeconds: 60,
    });
    await worker.kick();
    expect(status()[1]).toEqual({ channel: 'webhook', status: 'pending', attempts: 1, last_error: 'CRM giù' });
    await new Promise((r) => setTimeout(r, 30));
    await worker.kick();
    expect(status()[1]).toEqual({ channel: 'webhook', status: 'failed', attempts: 2, last_error: 'CRM giù' });
  });
});
