import { SqliteStore } from './statements.ts';

export interface OutboxItem {
  id: number;
  leadId: string | null;
  channel: 'email' | 'webhook';
  payload: unknown;
  attempts: number;
}

/** The queue of notifications waiting to be delivered. */
export class OutboxStore extends SqliteStore {
  /** Pending deliveries whose time has come, oldest first. */
  due(now: Date, limit = 20): OutboxItem[] {
    return this.sql
      .get(
        "SELECT id, lead_id, channel, payload, attempts FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
      )
      .all(now.toISOString(), limit)
      .map((r) => ({
        id: Number(r.id),
        leadId: r.lead_id === null ? null : String(r.lead_id),
        channel: r.channel as OutboxItem['channel'],
        payload: JSON.parse(String(r.payload)),
        attempts: Number(r.attempts),
      }));
  }

  markSent(id: number, at: Date): void {
    this.sql
      .get("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
      .run(at.toISOString(), id);
  }

  /** Records a failed attempt: retried at `retryAt`, or given up (`failed`) when there is none. */
  markFailure(id: number, error: string, retryAt: Date | null): void {
    this.sql
      .get(
        'UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?',
      )
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
