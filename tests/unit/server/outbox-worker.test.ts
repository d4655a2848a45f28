import { describe, it, expect } from 'vitest';
import type { OutboxStore } from '../../../src/server/storage/outbox-store.ts';
import { OutboxWorker } from '../../../src/server/notify/outbox-worker.ts';
import { nextAttempt } from '../../../src/lib/notify/backoff.ts';

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
      claim: async (_channel: string, now: Date, until: Date) => {
        write();
        return [...items]
          .filter(([, i]) => i.status === 'pending' && i.due <= now.getTime())
          .map(([id, i]) => {
            i.attempts++;
            i.due = until.getTime();
            return { id, leadId: 'l', channel: 'email' as const, payload: {}, attempts: i.attempts };
          });
      },
      markSent: async (id: number, at: Date) => {
        write();
        Object.assign(items.get(id)!, { status: 'sent', sentAt: at });
      },
      markFailure: async () => write(),
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
