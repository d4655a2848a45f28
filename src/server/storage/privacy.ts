import { num, type Db } from './db.ts';
import { retentionSkip, type RetentionSkip } from '../../lib/privacy/retention-guard.ts';

export interface RetentionPeriods {
  leadsDays: number;
  spamDays: number;
  unapprovedCommentsDays: number;
  /** The team area's audit log. */
  auditDays: number;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

async function log(db: Db, action: string, counts: Record<string, number>, now: Date): Promise<void> {
  await db.run('INSERT INTO privacy_log (at, action, counts) VALUES (:at, :action, :counts)', {
    at: now.toISOString(),
    action,
    counts: JSON.stringify(counts),
  });
}

export type RetentionResult = { removed: Record<string, number> } | { skipped: RetentionSkip };

/**
 * Deletes what is past its retention period: leads (spam sooner), spam and trashed
 * comments, comments never approved, the audit log's old entries. Their consents and deliveries go with them. Unless
 * `force`, it first asks the guard whether the clock can be trusted with it
 * (`retentionSkip`). Counts and skips are logged, without any data.
 */
export async function applyRetention(
  db: Db,
  periods: RetentionPeriods,
  now = new Date(),
  { force = false } = {},
): Promise<RetentionResult> {
  if (!force) {
    const newest = (
      await db.get(
        'SELECT MAX(at) AS at FROM (SELECT MAX(created_at) AS at FROM leads UNION ALL SELECT MAX(created_at) FROM comments) newest',
      )
    )?.at;
    const count = async (sql: string, params = {}) => num((await db.get(sql, params))?.n);
    const skipped = retentionSkip({
      now,
      newest: newest ? new Date(String(newest)) : null,
      leads: await count('SELECT COUNT(*) AS n FROM leads WHERE spam = 0'),
      leadsDue: await count('SELECT COUNT(*) AS n FROM leads WHERE spam = 0 AND created_at < :before', {
        before: daysBefore(now, periods.leadsDays),
      }),
    });
    if (skipped) {
      await log(db, 'retention-skipped', { [skipped.reason]: 1 }, now);
      return { skipped };
    }
  }
  const counts = await db.transaction(async (tx) => ({
    leads: await tx.run('DELETE FROM leads WHERE spam = 0 AND created_at < :before', {
      before: daysBefore(now, periods.leadsDays),
    }),
    spamLeads: await tx.run('DELETE FROM leads WHERE spam = 1 AND created_at < :before', {
      before: daysBefore(now, periods.spamDays),
    }),
    spamComments: await tx.run("DELETE FROM comments WHERE status IN ('spam', 'trash') AND created_at < :before", {
      before: daysBefore(now, periods.spamDays),
    }),
    unapprovedComments: await tx.run("DELETE FROM comments WHERE status = 'pending' AND created_at < :before", {
      before: daysBefore(now, periods.unapprovedCommentsDays),
    }),
    auditEntries: await tx.run('DELETE FROM audit_log WHERE at < :before', {
      before: daysBefore(now, periods.auditDays),
    }),
    // Only which day's summary went to whom, kept to never send one twice.
    dailySummaries: await tx.run('DELETE FROM daily_summaries WHERE day < :before', {
      before: daysBefore(now, 30).slice(0, 10),
    }),
  }));
  await log(db, 'retention', counts, now);
  if (Object.values(counts).some(Boolean)) await db.wipe();
  return { removed: counts };
}

/** The last automatic retention's outcome, for the team's summary: null when it ran (or never did). */
export async function lastRetentionSkip(db: Db): Promise<{ at: string; reason: string } | null> {
  const row = await db.get(
    "SELECT at, action, counts FROM privacy_log WHERE action IN ('retention', 'retention-skipped') ORDER BY id DESC LIMIT 1",
  );
  if (!row || row.action !== 'retention-skipped') return null;
  return { at: String(row.at), reason: Object.keys(JSON.parse(String(row.counts)))[0] ?? '' };
}

/** Everything stored about one email address: for an access request (art. 15 GDPR). */
export async function personalData(db: Db, email: string) {
  const address = email.trim().toLowerCase();
  const leads = await db.all('SELECT * FROM leads WHERE email = :address ORDER BY created_at', { address });
  const comments = await db.all(
    `SELECT id, article_id, parent_id, name, email, site, text, status, created_at, privacy_notice_version,
       privacy_text_id FROM comments WHERE email = :address ORDER BY created_at`,
    { address },
  );
  const consents = await db.all(
    'SELECT * FROM consents WHERE lead_id IN (SELECT id FROM leads WHERE email = :address) ORDER BY id',
    { address },
  );
  // The team's notes and changes on their leads are data about them too.
  const history = await db.all(
    'SELECT lead_id, at, actor, kind, detail FROM lead_events WHERE lead_id IN (SELECT id FROM leads WHERE email = :address) ORDER BY id',
    { address },
  );
  const deliveries = await db.all(
    `SELECT id, lead_id, comment_id, channel, status, attempts, created_at, sent_at FROM outbox
     WHERE lead_id IN (SELECT id FROM leads WHERE email = :address)
        OR comment_id IN (SELECT id FROM comments WHERE email = :address) ORDER BY id`,
    { address },
  );
  return { email: address, leads, consents, history, comments, deliveries } satisfies Record<string, unknown>;
}

/**
 * Erases one person (art. 17 GDPR): their leads (consents and deliveries with them) and
 * unpublished comments are deleted; published comments keep their text with the author
 * made anonymous; their pending notifications are dropped. The log keeps counts only.
 * `complete` is false while the erased bytes are still on disk (SQLite: another reader
 * holds the WAL): the caller retries the wipe and tells the team meanwhile.
 */
export async function erasePerson(
  db: Db,
  email: string,
  now = new Date(),
): Promise<{ counts: Record<string, number>; complete: boolean }> {
  const address = email.trim().toLowerCase();
  const counts = await db.transaction(async (tx) => ({
    // Notifications of published comments (deleted comments take theirs with them).
    deliveries: await tx.run(
      "DELETE FROM outbox WHERE comment_id IN (SELECT id FROM comments WHERE email = :address AND status = 'approved')",
      { address },
    ),
    leads: await tx.run('DELETE FROM leads WHERE email = :address', { address }),
    commentsDeleted: await tx.run("DELETE FROM comments WHERE email = :address AND status != 'approved'", { address }),
    commentsAnonymised: await tx.run(
      "UPDATE comments SET name = 'Anonimo', email = '', site = NULL WHERE email = :address AND status = 'approved'",
      { address },
    ),
  }));
  await log(db, 'erasure', counts, now);
  return { counts, complete: await db.wipe() };
}

/**
 * Finishes wiping erased data off the disk: while another reader (a backup, an export)
 * holds old pages, the erased bytes stay in `site.db-wal`, so the wipe is retried every
 * few seconds and the team area says the erasure is not complete yet.
 */
export class PendingWipe {
  private timer: NodeJS.Timeout | null = null;
  private readonly db: Db;
  private readonly everyMs: number;

  constructor(db: Db, everyMs = 2000) {
    this.db = db;
    this.everyMs = everyMs;
  }

  /** Whether erased data may still be on disk. */
  get pending(): boolean {
    return this.timer !== null;
  }

  /** Starts retrying (the caller's own wipe did not complete). */
  retry(): void {
    this.timer ??= setInterval(() => void this.attempt(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async attempt(): Promise<void> {
    try {
      if (!(await this.db.wipe())) return;
      await log(this.db, 'erasure-completed', {}, new Date());
      this.stop();
    } catch (error) {
      console.error('[segnalazione] wiping after an erasure failed:', (error as Error).message);
    }
  }
}
