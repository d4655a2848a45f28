import { SqliteStore } from './statements.ts';

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

/** The queue of notifications waiting to be delivered. */
export class OutboxStore extends SqliteStore {
  /**
   * Takes up to `limit` due deliveries of a channel for one attempt, and records that
   * attempt before anything is sent: the attempt is counted and the item is not due again
   * before `until`. So a delivery whose result cannot be recorded (a full disk) is not sent
   * again at the next poll, and one whose sender died is retried only after `until`.
   */
  claim(channel: Channel, now: Date, until: Date, limit = 10): OutboxItem[] {
    return this.sql
      .get(
        `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :until
         WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND channel = :channel AND next_attempt_at <= :now
                      ORDER BY id LIMIT :limit)
         RETURNING id, lead_id, channel, payload, attempts`,
      )
      .all({ channel, now: now.toISOString(), until: until.toISOString(), limit })
      .map((r) => ({
        id: Number(r.id),
        leadId: r.lead_id === null ? null : String(r.lead_id),
        channel: r.channel as Channel,
        payload: JSON.parse(String(r.payload)),
        attempts: Number(r.attempts),
      }))
      .sort((a, b) => a.id - b.id);
  }

  markSent(id: number, at: Date): void {
    this.sql
      .get("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?")
      .run(at.toISOString(), id);
  }

  /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
  markFailure(id: number, error: string, retryAt: Date | null): void {
    this.sql
      .get('UPDATE outbox SET last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?')
      .run(error.slice(0, 500), retryAt ? 'pending' : 'failed', retryAt?.toISOString() ?? null, id);
  }

  /** A lead's or comment's notifications and how their delivery went. */
  forLead(leadId: string): Delivery[] {
    return this.sql
      .get(
        'SELECT id, channel, status, attempts, last_error, created_at, sent_at, next_attempt_at FROM outbox WHERE lead_id = ? ORDER BY id',
      )
      .all(leadId)
      .map((r) => ({
        id: Number(r.id),
        channel: String(r.channel),
        status: String(r.status),
        attempts: Number(r.attempts),
        lastError: r.last_error === null ? undefined : String(r.last_error),
        sentAt: r.sent_at === null ? undefined : String(r.sent_at),
        nextAttemptAt: String(r.next_attempt_at),
      }));
  }

  /** Puts a failed delivery back in the queue, due now ("riprova"). */
  retry(id: number, now = new Date()): boolean {
    return (
      this.sql
        .get("UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ? AND status = 'failed'")
        .run(now.toISOString(), id).changes > 0
    );
  }

  /** Deliveries given up on, for the team's summary. */
  failedCount(): number {
    return Number(this.sql.get("SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed'").get()?.n ?? 0);
  }
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
