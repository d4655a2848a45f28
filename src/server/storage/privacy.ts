import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';

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

/** Moves everything the WAL holds into the database file and empties it, so erased bytes live nowhere. */
function checkpoint(db: DatabaseSync): void {
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

/**
 * Deletes what is past its retention period: leads (spam sooner), spam and trashed
 * comments, comments never approved. Their consents and deliveries go with them.
 * Returns the counts, which are also logged (without any data).
 */
export function applyRetention(db: DatabaseSync, periods: RetentionPeriods, now = new Date()): Record<string, number> {
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
  return counts;
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
 */
export function erasePerson(db: DatabaseSync, email: string, now = new Date()): Record<string, number> {
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
  checkpoint(db);
  return counts;
}
