import { CHANNELS, type Channel, type OutboxItem, type OutboxStore } from '../storage/outbox-store.ts';
import type { Sender } from './senders.ts';
import { nextAttempt } from '../../lib/notify/backoff.ts';

export interface WorkerOptions {
  senders: Partial<Record<Channel, Sender>>;
  maxAttempts: number;
  retrySeconds: number;
  pollSeconds: number;
  /** The longest a sender may take; a delivery is not attempted again within twice this. */
  sendTimeoutSeconds: number;
  log?: (line: string) => void;
  now?: () => Date;
}

/** After a storage error the lane waits this long, doubling each time, up to MAX_PAUSE_MS. */
const FIRST_PAUSE_MS = 1000;
const MAX_PAUSE_MS = 5 * 60_000;

/**
 * Delivers the outbox, one lane per channel so a hanging mail server never holds the
 * webhooks back (nor the reverse). Each lane polls for due items, and runs at once when
 * kicked after a new lead, one pass at a time.
 *
 * Nothing is sent unless its attempt was recorded first (`claim`). A delivery whose result
 * cannot be recorded (a full or read-only disk) is remembered in memory and its result
 * written as soon as the database takes it; it is never sent again meanwhile. A storage
 * error pauses the lane with a growing delay instead of failing at every poll.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private readonly lanes: Lane[];
  private readonly pollSeconds: number;

  constructor(outbox: OutboxStore, options: WorkerOptions) {
    const o = { now: () => new Date(), log: () => {}, ...options };
    this.lanes = CHANNELS.map((channel) => new Lane(channel, outbox, o));
    this.pollSeconds = options.pollSeconds;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.kick(), this.pollSeconds * 1000);
    this.timer.unref();
    void this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs a pass of every lane now (or right after the one in progress); never rejects. */
  async kick(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.kick()));
  }
}

class Lane {
  private running: Promise<void> | null = null;
  private again = false;
  /** Sent, but the database did not take the result yet: id → when it was sent. */
  private readonly unrecorded = new Map<number, Date>();
  private pausedUntil = 0;
  private pause = 0;

  private readonly options: Required<WorkerOptions>;
  private readonly channel: Channel;
  private readonly outbox: OutboxStore;

  constructor(channel: Channel, outbox: OutboxStore, options: Required<WorkerOptions>) {
    this.channel = channel;
    this.outbox = outbox;
    this.options = options;
  }

  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error) => this.storageFailed(error))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (Date.now() < this.pausedUntil) return;
    for (const [id, at] of this.unrecorded) {
      await this.outbox.markSent(id, at);
      this.unrecorded.delete(id);
    }
    const send = this.options.senders[this.channel];
    for (;;) {
      const now = this.options.now();
      // One at a time, with a lease longer than the sender may take (its deadline is twice the timeout): an
      // item claimed in a batch would wait behind the others and could outlive its lease, and another
      // instance would send it again.
      const lease = new Date(now.getTime() + 3 * this.options.sendTimeoutSeconds * 1000);
      const batch = await this.outbox.claim(this.channel, now, lease, 1);
      if (!batch.length) break;
      // Every claimed item is delivered, even after a result could not be recorded: its attempt was.
      let storageError: unknown = null;
      for (const item of batch) storageError = (await this.deliver(item, send)) ?? storageError;
      if (storageError) throw storageError;
    }
    this.pause = 0;
  }

  /** Sends one claimed item and records the result; returns the storage error if the result could not be recorded. */
  private async deliver(item: OutboxItem, send: Sender | undefined): Promise<unknown> {
    let failure: string | null = null;
    try {
      if (!send) throw new Error(`${item.channel} is not configured`);
      await withDeadline(send(item.payload, item.id), 2 * this.options.sendTimeoutSeconds * 1000);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const now = this.options.now();
    try {
      if (failure === null) {
        this.unrecorded.set(item.id, now);
        await this.outbox.markSent(item.id, now);
        this.unrecorded.delete(item.id);
        return null;
      }
      const retryAt = nextAttempt(now, item.attempts, this.options.retrySeconds, this.options.maxAttempts);
      this.options.log(
        `outbox: ${item.channel} delivery ${item.id} failed (attempt ${item.attempts}): ${failure}${retryAt ? '' : ', giving up'}`,
      );
      // Not recorded? The claim keeps it from being due until its lease ends: a later attempt, not a loop.
      await this.outbox.markFailure(item.id, failure, retryAt);
      return null;
    } catch (error) {
      return error;
    }
  }

  private storageFailed(error: unknown): void {
    this.pause = Math.min(this.pause ? this.pause * 2 : FIRST_PAUSE_MS, MAX_PAUSE_MS);
    this.pausedUntil = Date.now() + this.pause;
    const pending = this.unrecorded.size ? `; ${this.unrecorded.size} sent, result not yet recorded` : '';
    this.options.log(
      `outbox: ${this.channel} lane paused ${this.pause / 1000} s, the database did not take a write: ${(error as Error).message}${pending}`,
    );
  }
}

/** The sender's own promise, or a rejection once `ms` pass (a sender that ignores its own timeouts). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
