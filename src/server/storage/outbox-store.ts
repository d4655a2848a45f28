import { num, optional, type Db } from './db.ts';

export type Channel = 'email' | 'webhook';
export const CHANNELS: Channel[] = ['email', 'webhook'];

export interface OutboxItem {
  id: number;
  leadId: string | null;
  channel: Channel;
  payload: unknown;
  /** Attempts so far, this one included. */
  attempts: number;
}

export interface Delivery {
  id: number;
  channel: string;
  status: string;
  attempts: number;
  lastError?: string;
  sentAt?: string;
  nextAttemptAt: string;
}

/** The queue of notifications waiting to be delivered, shared by every instance. */
export class OutboxStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * Takes up to `limit` due deliveries of a channel for one attempt, and records that
   * attempt before anything is sent: the attempt is counted and the item is not due again
   * before `until` (its lease). So a delivery whose result cannot be recorded (a full disk)
   * is not sent again at the next poll, one whose instance died is retried after `until`,
   * and two instances never take the same item (PostgreSQL: `FOR UPDATE SKIP LOCKED`;
   * SQLite's writes are serial).
   */
  async claim(channel: Channel, now: Date, until: Date, limit = 10): Promise<OutboxItem[]> {
    const skipLocked = this.db.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.db.all(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :until
       WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND channel = :channel AND next_attempt_at <= :now
                    ORDER BY id LIMIT :limit ${skipLocked})
       RETURNING id, lead_id, channel, payload, attempts`,
      { channel, now: now.toISOString(), until: until.toISOString(), limit },
    );
    return rows
      .map((r) => ({
        id: num(r.id),
        leadId: r.lead_id === null ? null : String(r.lead_id),
        channel: r.channel as Channel,
        payload: JSON.parse(String(r.payload)),
        attempts: num(r.attempts),
      }))
      .sort((a, b) => a.id - b.id);
  }

  async markSent(id: number, at: Date): Promise<void> {
    await this.db.run("UPDATE outbox SET status = 'sent', sent_at = :at, last_error = NULL WHERE id = :id", {
      at: at.toISOString(),
      id,
    });
  }

  /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
  async markFailure(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.db.run(
      'UPDATE outbox SET last_error = :error, status = :status, next_attempt_at = COALESCE(:retry, next_attempt_at) WHERE id = :id',
      { error: error.slice(0, 500), status: retryAt ? 'pending' : 'failed', retry: retryAt?.toISOString() ?? null, id },
    );
  }

  /** A lead's notifications and how their delivery went. */
  async forLead(leadId: string): Promise<Delivery[]> {
    const rows = await this.db.all(
      `SELECT id, channel, status, attempts, last_error, sent_at, next_attempt_at FROM outbox
       WHERE lead_id = :leadId ORDER BY id`,
      { leadId },
    );
    return rows.map((r) => ({
      id: num(r.id),
      channel: String(r.channel),
      status: String(r.status),
      attempts: num(r.attempts),
      lastError: optional(r.last_error),
      sentAt: optional(r.sent_at),
      nextAttemptAt: String(r.next_attempt_at),
    }));
  }

  /**
   * Queues a member's daily summary email, once per member and day: the day is recorded
   * with the message in one transaction, so a restart or a second instance never sends it
   * again. False when that day's summary was queued already.
   */
  queueDailySummary(email: string, day: string, message: unknown, now = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const first = await tx.run(
        'INSERT INTO daily_summaries (email, day) VALUES (:email, :day) ON CONFLICT (email, day) DO NOTHING',
        { email, day },
      );
      if (!first) return false;
      await tx.run(
        `INSERT INTO outbox (channel, status, payload, next_attempt_at, created_at)
         VALUES ('email', 'pending', :payload, :now, :now)`,
        { payload: JSON.stringify(message), now: now.toISOString() },
      );
      return true;
    });
  }

  /** Puts a failed delivery back in the queue, due now ("riprova"). */
  async retry(id: number, now = new Date()): Promise<boolean> {
    return (
      (await this.db.run(
        "UPDATE outbox SET status = 'pending', next_attempt_at = :now WHERE id = :id AND status = 'failed'",
        { now: now.toISOString(), id },
      )) > 0
    );
  }

  /** Deliveries given up on, for the team's summary. */
  async failedCount(): Promise<number> {
    return num((await this.db.get("SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'"))?.n);
  }
}
