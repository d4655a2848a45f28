import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';
import { retentionSkip, type RetentionSkip } from '../../lib/privacy/retention-guard.ts';

export interface RetentionPeriods {
  leadsDays: number;
  spamDays: number;
  unapprovedCommentsDays: number;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function log(db: DatabaseSync, action: string, counts: Record<string, number>, now: Date): void {
  db.prepare('INSERT INTO privacy_log (at, action, counts) VALUES (?, ?, ?)').run(
    now.toISOString(),
    action,
    JSON.stringify(counts),
  );
}

/**
 * Moves everything the WAL holds into the database file and empties it, so erased bytes
 * live nowhere else. Returns false when another reader (a backup, an export) still uses
 * older pages: then the WAL keeps them until a later checkpoint succeeds.
 */
export function checkpoint(db: DatabaseSync): boolean {
  const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
  return result?.busy === 0;
}

export type RetentionResult = { removed: Record<string, number> } | { skipped: RetentionSkip };

/**
 * Deletes what is past its retention period: leads (spam sooner), spam and trashed
 * comments, comments never approved. Their consents and deliveries go with them. Unless
 * `force`, it first asks the guard whether the clock can be trusted with it
 * (`retentionSkip`). Counts and skips are logged, without any data.
 */
export function applyRetention(
  db: DatabaseSync,
  periods: RetentionPeriods,
  now = new Date(),
  { force = false } = {},
): RetentionResult {
  if (!force) {
    const newest = db
      .prepare(
        'SELECT MAX(at) AS at FROM (SELECT MAX(created_at) AS at FROM leads UNION ALL SELECT MAX(created_at) FROM comments)',
      )
      .get()?.at;
    const count = (sql: string, ...args: string[]) => Number(db.prepare(sql).get(...args)?.n ?? 0);
    const skipped = retentionSkip({
      now,
      newest: newest ? new Date(String(newest)) : null,
      leads: count('SELECT COUNT(*) AS n FROM leads WHERE spam = 0'),
      leadsDue: count(
        'SELECT COUNT(*) AS n FROM leads WHERE spam = 0 AND created_at < ?',
        daysBefore(now, periods.leadsDays),
      ),
    });
    if (skipped) {
      log(db, 'retention-skipped', { [skipped.reason]: 1 }, now);
      return { skipped };
    }
  }
  const counts = transaction(db, () => ({
    leads: Number(
      db.prepare('DELETE FROM leads WHERE spam = 0 AND created_at < ?').run(daysBefore(now, periods.leadsDays)).changes,
    ),
    spamLeads: Number(
      db.prepare('DELETE FROM leads WHERE spam = 1 AND created_at < ?').run(daysBefore(now, periods.spamDays)).changes,
    ),
    spamComments: Number(
      db
        .prepare("DELETE FROM comments WHERE status IN ('spam', 'trash') AND created_at < ?")
        .run(daysBefore(now, periods.spamDays)).changes,
    ),
    unapprovedComments: Number(
      db
        .prepare("DELETE FROM comments WHERE status = 'pending' AND created_at < ?")
        .run(daysBefore(now, periods.unapprovedCommentsDays)).changes,
    ),
  }));
  log(db, 'retention', counts, now);
  if (Object.values(counts).some(Boolean)) checkpoint(db);
  return { removed: counts };
}

/** The last automatic retention's outcome, for the team's summary: null when it ran (or never did). */
export function lastRetentionSkip(db: DatabaseSync): { at: string; reason: string } | null {
  const row = db
    .prepare(
      "SELECT at, action, counts FROM privacy_log WHERE action IN ('retention', 'retention-skipped') ORDER BY id DESC LIMIT 1",
    )
    .get();
  if (!row || row.action !== 'retention-skipped') return null;
  return { at: String(row.at), reason: Object.keys(JSON.parse(String(row.counts)))[0] ?? '' };
}

/** Everything stored about one email address: for an access request (art. 15 GDPR). */
export function personalData(db: DatabaseSync, email: string) {
  const address = email.trim().toLowerCase();
  const leads = db.prepare('SELECT * FROM leads WHERE email = ? ORDER BY created_at').all(address);
  const ids = leads.map((l) => String(l.id));
  const comments = db
    .prepare(
      'SELECT id, article_id, parent_id, name, email, site, text, status, created_at, privacy_notice_version, privacy_text_id FROM comments WHERE email = ? ORDER BY created_at',
    )
    .all(address);
  const consents = ids.length
    ? db.prepare(`SELECT * FROM consents WHERE lead_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(...ids)
    : [];
  const deliveries = db
    .prepare(
      `SELECT id, lead_id, comment_id, channel, status, attempts, created_at, sent_at FROM outbox
       WHERE lead_id IN (SELECT id FROM leads WHERE email = ?) OR comment_id IN (SELECT id FROM comments WHERE email = ?) ORDER BY id`,
    )
    .all(address, address);
  return { email: address, leads, consents, comments, deliveries };
}

/**
 * Erases one person (art. 17 GDPR): their leads (consents and deliveries with them) and
 * unpublished comments are deleted; published comments keep their text with the author
 * made anonymous; their pending notifications are dropped. The log keeps counts only.
 * `complete` is false while the erased bytes are still in the WAL (another reader holds
 * it): the caller retries the checkpoint and tells the team meanwhile.
 */
export function erasePerson(
  db: DatabaseSync,
  email: string,
  now = new Date(),
): { counts: Record<string, number>; complete: boolean } {
  const address = email.trim().toLowerCase();
  const counts = transaction(db, () => {
    const approved = db
      .prepare("SELECT id FROM comments WHERE email = ? AND status = 'approved'")
      .all(address)
      .map((r) => Number(r.id));
    const deliveries = approved.length
      ? Number(
          db.prepare(`DELETE FROM outbox WHERE comment_id IN (${approved.map(() => '?').join(',')})`).run(...approved)
            .changes,
        )
      : 0;
    return {
      leads: Number(db.prepare('DELETE FROM leads WHERE email = ?').run(address).changes),
      commentsDeleted: Number(
        db.prepare("DELETE FROM comments WHERE email = ? AND status != 'approved'").run(address).changes,
      ),
      commentsAnonymised: Number(
        db
          .prepare(
            "UPDATE comments SET name = 'Anonimo', email = '', site = NULL WHERE email = ? AND status = 'approved'",
          )
          .run(address).changes,
      ),
      deliveries,
    };
  });
  log(db, 'erasure', counts, now);
  return { counts, complete: checkpoint(db) };
}

/**
 * Empties the WAL after an erasure until it succeeds: while another reader (a backup, an
 * export) holds old pages, the erased bytes stay in `site.db-wal`, so the checkpoint is
 * retried every few seconds and the team area says the erasure is not complete yet.
 */
export class WalWipe {
  private timer: NodeJS.Timeout | null = null;
  private readonly db: DatabaseSync;
  private readonly everyMs: number;

  constructor(db: DatabaseSync, everyMs = 2000) {
    this.db = db;
    this.everyMs = everyMs;
  }

  /** Whether erased data may still be on disk in the WAL. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Starts retrying (the caller's own checkpoint failed). */
  retry(): void {
    this.timer ??= setInterval(() => {
      try {
        if (!checkpoint(this.db)) return;
        log(this.db, 'erasure-completed', {}, new Date());
      } catch (error) {
        console.error('[segnalazione] checkpoint after an erasure failed:', (error as Error).message);
        return;
      }
      this.stop();
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
