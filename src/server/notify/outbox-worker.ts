import type { OutboxStore } from '../storage/outbox-store.ts';
import type { Sender } from './senders.ts';
import { nextAttempt } from '../../lib/notify/backoff.ts';

export interface WorkerOptions {
  senders: Partial<Record<'email' | 'webhook', Sender>>;
  maxAttempts: number;
  retrySeconds: number;
  pollSeconds: number;
  log?: (line: string) => void;
}

/**
 * Delivers the outbox: polls for due items (and runs at once when kicked after a new
 * lead), one pass at a time. A delivery that fails is retried with backoff; the row
 * stays in the database, so a restart resumes it.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  private readonly outbox: OutboxStore;
  private readonly options: WorkerOptions;

  constructor(outbox: OutboxStore, options: WorkerOptions) {
    this.outbox = outbox;
    this.options = options;
  }

  start(): void {
    this.timer ??= setInterval(() => this.kick(), this.options.pollSeconds * 1000);
    this.timer.unref();
    this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Runs a pass now, or right after the one in progress. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    for (let batch = this.outbox.due(new Date()); batch.length; batch = this.outbox.due(new Date())) {
      for (const item of batch) {
        const send = this.options.senders[item.channel];
        try {
          if (!send) throw new Error(`${item.channel} is not configured`);
          await send(item.payload, item.id);
          this.outbox.markSent(item.id, new Date());
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const retryAt = nextAttempt(
            new Date(),
            item.attempts + 1,
            this.options.retrySeconds,
            this.options.maxAttempts,
          );
          this.outbox.markFailure(item.id, message, retryAt);
          this.options.log?.(
            `outbox: ${item.channel} delivery ${item.id} failed (attempt ${item.attempts + 1}): ${message}${retryAt ? '' : ', giving up'}`,
          );
        }
      }
      // Items that failed are not due again until their retry time, so the loop ends.
    }
  }
}
