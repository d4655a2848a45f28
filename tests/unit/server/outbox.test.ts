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
      sendTimeoutSeconds: 5,
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
      sendTimeoutSeconds: 0.005,
    });
    await worker.kick();
    expect(status()[1]).toEqual({ channel: 'webhook', status: 'pending', attempts: 1, last_error: 'CRM giù' });
    await new Promise((r) => setTimeout(r, 30));
    await worker.kick();
    expect(status()[1]).toEqual({ channel: 'webhook', status: 'failed', attempts: 2, last_error: 'CRM giù' });
  });

  it('records each attempt before sending: a delivery claimed once is not due again before its lease ends', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const until = new Date('2030-01-01T00:01:00Z');
    expect(outbox.claim('email', now, until).map((i) => i.attempts)).toEqual([1]);
    expect(outbox.claim('email', now, until)).toEqual([]);
    expect(outbox.claim('email', new Date('2030-01-01T00:00:59Z'), until)).toEqual([]);
    expect(outbox.claim('email', until, new Date('2030-01-01T00:02:00Z')).map((i) => i.attempts)).toEqual([2]);
    // Each channel claims its own.
    expect(outbox.claim('webhook', now, until).map((i) => i.payload)).toEqual([{ n: 2 }]);
  });

  it('lets a hanging channel hold only itself back', async () => {
    const sent: string[] = [];
    const worker = new OutboxWorker(outbox, {
      senders: { email: () => new Promise(() => {}), webhook: async () => void sent.push('webhook') },
      maxAttempts: 3,
      retrySeconds: 60,
      pollSeconds: 60,
      sendTimeoutSeconds: 0.05,
    });
    const started = Date.now();
    await worker.kick();
    expect(sent).toEqual(['webhook']);
    // The email sender never answered: the worker's own deadline (twice the timeout) ended the wait.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(status()[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'no answer within 0.1 s' });
  });
});

describe('the outbox worker when the database refuses writes', () => {
  /** A store whose writes fail on demand, as on a full or read-only disk; the rest is real bookkeeping. */
  function faultyStore() {
    const items = new Map([[1, { status: 'pending', attempts: 0, due: 0, sentAt: null as Date | null }]]);
    const state = { full: false, writes: 0 };
    const write = () => {
      state.writes++;
      if (state.full) throw new Error('database or disk is full');
    };
    const store = {
      claim: (_channel: string, now: Date, until: Date) => {
        write();
        return [...items]
          .filter(([, i]) => i.status === 'pending' && i.due <= now.getTime())
          .map(([id, i]) => {
            i.attempts++;
            i.due = until.getTime();
            return { id, leadId: 'l', channel: 'email' as const, payload: {}, attempts: i.attempts };
          });
      },
      markSent: (id: number, at: Date) => {
        write();
        Object.assign(items.get(id)!, { status: 'sent', sentAt: at });
      },
      markFailure: () => write(),
    };
    return { store: store as unknown as OutboxStore, items, state };
  }

  it('never sends again a delivery whose result it could not record, and records it once the disk is back', async () => {
    const { store, items, state } = faultyStore();
    let clock = 0;
    let sends = 0;
    const lines: string[] = [];
    const worker = new OutboxWorker(store, {
      senders: {
        email: async () => {
          sends++;
          state.full = true; // the disk fills while the email is on its way
        },
      },
      maxAttempts: 8,
      retrySeconds: 0,
      pollSeconds: 60,
      sendTimeoutSeconds: 0,
      now: () => new Date((clock += 1000)),
      log: (line) => lines.push(line),
    });
    for (let poll = 0; poll < 20; poll++) {
      await worker.kick();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(sends).toBe(1);
    expect(items.get(1)!.status).toBe('pending');
    // The lane pauses with a growing delay instead of failing at every poll.
    expect(state.writes).toBeLessThan(5);
    expect(lines.some((l) => l.includes('paused') && l.includes('1 sent, result not yet recorded'))).toBe(true);

    state.full = false;
    await new Promise((r) => setTimeout(r, 2100));
    await worker.kick();
    expect(sends).toBe(1);
    expect(items.get(1)!.status).toBe('sent');
  });

  it('sends nothing while the attempt cannot be recorded, and never rejects', async () => {
    const { store, state } = faultyStore();
    state.full = true;
    let sends = 0;
    const worker = new OutboxWorker(store, {
      senders: { email: async () => void sends++ },
      maxAttempts: 8,
      retrySeconds: 0,
      pollSeconds: 60,
      sendTimeoutSeconds: 1,
    });
    await expect(worker.kick()).resolves.toBeUndefined();
    expect(sends).toBe(0);
  });
});
