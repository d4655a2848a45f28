import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { LeadStore } from '../../src/server/storage/lead-store.ts';
import { OutboxStore } from '../../src/server/storage/outbox-store.ts';
import { OutboxWorker } from '../../src/server/notify/outbox-worker.ts';
import { record } from '../support/lead-records.ts';
import { ENGINES, freshDb } from '../support/engines.ts';

describe.each(ENGINES)('the outbox on %s', (engine) => {
  let db: Db;
  let close: () => Promise<void>;
  let outbox: OutboxStore;
  const status = () => db.all('SELECT channel, status, attempts, last_error FROM outbox ORDER BY id');
  const options = { maxAttempts: 3, retrySeconds: 60, pollSeconds: 60, sendTimeoutSeconds: 5 };

  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
    outbox = new OutboxStore(db);
    await new LeadStore(db).insert(record(1, { createdAt: '2020-01-01T00:00:00.000Z' }), [
      { channel: 'email', status: 'pending', payload: { n: 1 } },
      { channel: 'webhook', status: 'pending', payload: { n: 2 } },
      { channel: 'email', status: 'skipped', payload: {} },
    ]);
  });
  afterEach(() => close());

  it('delivers due items once and marks them sent; skipped items are left alone', async () => {
    // Channels run in lanes of their own, so the two sends may finish in either order.
    const sent: Record<string, unknown[]> = { email: [], webhook: [] };
    const worker = new OutboxWorker(outbox, {
      ...options,
      senders: { email: async (p) => void sent.email.push(p), webhook: async (p) => void sent.webhook.push(p) },
    });
    await worker.kick();
    await worker.kick();
    expect(sent).toEqual({ email: [{ n: 1 }], webhook: [{ n: 2 }] });
    expect(await status()).toEqual([
      { channel: 'email', status: 'sent', attempts: 1, last_error: null },
      { channel: 'webhook', status: 'sent', attempts: 1, last_error: null },
      { channel: 'email', status: 'skipped', attempts: 0, last_error: null },
    ]);
    expect((await outbox.forLead('lead-1')).map((d) => [d.channel, d.status])).toEqual([
      ['email', 'sent'],
      ['webhook', 'sent'],
      ['email', 'skipped'],
    ]);
  });

  it('keeps a failed delivery for a later retry, gives up after the last attempt, and retries on request', async () => {
    // The worker's clock, moved by hand: a real 10 ms retry was due again within the same pass on a busy machine.
    let clock = Date.now();
    const worker = new OutboxWorker(outbox, {
      ...options,
      senders: { email: async () => {}, webhook: async () => Promise.reject(new Error('CRM giù')) },
      maxAttempts: 2,
      now: () => new Date(clock),
    });
    await worker.kick();
    expect((await status())[1]).toEqual({ channel: 'webhook', status: 'pending', attempts: 1, last_error: 'CRM giù' });
    await worker.kick();
    expect((await status())[1]).toMatchObject({ status: 'pending', attempts: 1 });
    clock += options.retrySeconds * 1000;
    await worker.kick();
    expect((await status())[1]).toEqual({ channel: 'webhook', status: 'failed', attempts: 2, last_error: 'CRM giù' });
    expect(await outbox.failedCount()).toBe(1);
    const id = (await outbox.forLead('lead-1'))[1].id;
    expect(await outbox.retry(id)).toBe(true);
    expect(await outbox.retry(id)).toBe(false);
    expect((await status())[1]).toMatchObject({ status: 'pending' });
  });

  it('records each attempt before sending: a delivery claimed once is not due again before its lease ends', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const until = new Date('2030-01-01T00:01:00Z');
    expect((await outbox.claim('email', now, until)).map((i) => i.attempts)).toEqual([1]);
    expect(await outbox.claim('email', now, until)).toEqual([]);
    expect(await outbox.claim('email', new Date('2030-01-01T00:00:59Z'), until)).toEqual([]);
    expect((await outbox.claim('email', until, new Date('2030-01-01T00:02:00Z'))).map((i) => i.attempts)).toEqual([2]);
    // Each channel claims its own.
    expect((await outbox.claim('webhook', now, until)).map((i) => i.payload)).toEqual([{ n: 2 }]);
  });

  it('lets a hanging channel hold only itself back', async () => {
    const sent: string[] = [];
    const worker = new OutboxWorker(outbox, {
      ...options,
      senders: { email: () => new Promise(() => {}), webhook: async () => void sent.push('webhook') },
      sendTimeoutSeconds: 0.05,
    });
    const started = Date.now();
    await worker.kick();
    expect(sent).toEqual(['webhook']);
    // The email sender never answered: the worker's own deadline (twice the timeout) ended the wait.
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await status())[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'no answer within 0.1 s' });
  });

  it('gives each of 400 deliveries to exactly one of four claimers at once', async () => {
    const leads = new LeadStore(db);
    for (let n = 0; n < 200; n++)
      await leads.insert(record(100 + n, { createdAt: '2020-01-01T00:00:00.000Z' }), [
        { channel: 'webhook', status: 'pending', payload: { n } },
        { channel: 'webhook', status: 'pending', payload: { n } },
      ]);
    const now = new Date('2030-01-01T00:00:00Z');
    const until = new Date('2030-01-01T01:00:00Z');
    const claimer = async () => {
      const mine: number[] = [];
      for (
        let batch = await outbox.claim('webhook', now, until, 7);
        batch.length;
        batch = await outbox.claim('webhook', now, until, 7)
      )
        mine.push(...batch.map((i) => i.id));
      return mine;
    };
    const claimed = (await Promise.all([claimer(), claimer(), claimer(), claimer()])).flat();
    // 400 new ones plus the webhook of the first lead.
    expect(claimed).toHaveLength(401);
    expect(new Set(claimed).size).toBe(401);
  });
});
