import { insertOnce } from './database.ts';
import { SqliteStore } from './statements.ts';
import type { CommentRecord, CommentStatus } from '../../lib/comments/comment-record.ts';

export type { CommentRecord, CommentStatus };

/** What a page may show of a comment: never the email. */
export interface PublicComment {
  id: number;
  parentId?: number;
  name: string;
  site?: string;
  text: string;
  createdAt: string;
}

export interface CommentOutbox {
  channel: 'email';
  status: 'pending' | 'skipped';
  payload: unknown;
}

export interface CommentStore {
  /**
   * Stores a comment and its notifications (made from its new id) in one transaction;
   * a known idempotency key returns the stored comment instead.
   */
  insert(comment: CommentRecord, outbox: (id: number) => CommentOutbox[]): { created: boolean; comment: CommentRecord };
  get(id: number): CommentRecord | null;
  byIdempotencyKey(key: string): CommentRecord | null;
  /** The names this email signed its approved comments with (none: it has no approved comment). */
  approvedNames(email: string): string[];
  /** How many comments came with a start token (its digest). */
  countByToken(digest: string): number;
  /** The newest comment time of an email, for the flood guard. */
  lastCreatedAt(email: string): string | null;
  /** Whether the same text by the same email is already on the article (not trashed). */
  isDuplicate(articleId: string, email: string, text: string): boolean;
  /** Approved comments of an article, oldest first. */
  approved(articleId: string): PublicComment[];
  list(filter: { status?: CommentStatus }): CommentRecord[];
  /** The moderation queue: pending first, then newest first. */
  queue(limit?: number): CommentRecord[];
  counts(): Record<CommentStatus, number>;
  setStatus(id: number, status: CommentStatus, at: Date): boolean;
  delete(id: number): boolean;
}

const opt = (v: unknown) => (v === null || v === undefined ? undefined : v);

export class SqliteCommentStore extends SqliteStore implements CommentStore {
  insert(comment: CommentRecord, outbox: (id: number) => CommentOutbox[]) {
    const { created, value } = insertOnce(
      this.db,
      () => this.byIdempotencyKey(comment.idempotencyKey),
      () => {
        const c = comment;
        const { lastInsertRowid } = this.sql
          .get(
            `INSERT INTO comments (article_id, parent_id, name, email, site, text, status, reason, created_at, approved_at,
             idempotency_key, payload_hash, form, privacy_notice_version, privacy_text_id, token_digest)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            c.articleId,
            c.parentId ?? null,
            c.name,
            c.email,
            c.site ?? null,
            c.text,
            c.status,
            c.reason ?? null,
            c.createdAt,
            c.approvedAt ?? null,
            c.idempotencyKey,
            c.payloadHash,
            c.form,
            c.privacyNoticeVersion,
            c.privacyTextId,
            c.tokenDigest ?? null,
          );
        const id = Number(lastInsertRowid);
        const queue = this.sql.get(
          'INSERT INTO outbox (comment_id, channel, status, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const m of outbox(id))
          queue.run(id, m.channel, m.status, JSON.stringify(m.payload), c.createdAt, c.createdAt);
        return { ...comment, id };
      },
    );
    return { created, comment: value };
  }

  get(id: number): CommentRecord | null {
    const row = this.sql.get('SELECT * FROM comments WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  byIdempotencyKey(key: string): CommentRecord | null {
    const row = this.sql.get('SELECT * FROM comments WHERE idempotency_key = ?').get(key);
    return row ? toRecord(row) : null;
  }

  approvedNames(email: string): string[] {
    return this.sql
      .get("SELECT DISTINCT name FROM comments WHERE email = ? AND status = 'approved'")
      .all(email)
      .map((r) => String(r.name));
  }

  countByToken(digest: string): number {
    return Number(this.sql.get('SELECT COUNT(*) AS n FROM comments WHERE token_digest = ?').get(digest)?.n ?? 0);
  }

  lastCreatedAt(email: string): string | null {
    const row = this.sql.get('SELECT MAX(created_at) AS at FROM comments WHERE email = ?').get(email);
    return row?.at ? String(row.at) : null;
  }

  isDuplicate(articleId: string, email: string, text: string): boolean {
    return Boolean(
      this.sql
        .get(
          "SELECT 1 AS x FROM comments WHERE article_id = ? AND email = ? AND text = ? AND status != 'trash' LIMIT 1",
        )
        .get(articleId, email, text),
    );
  }

  approved(articleId: string): PublicComment[] {
    return this.sql
      .get(
        "SELECT id, parent_id, name, site, text, created_at FROM comments WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id",
      )
      .all(articleId)
      .map((r) => ({
        id: Number(r.id),
        parentId: r.parent_id === null ? undefined : Number(r.parent_id),
        name: String(r.name),
        site: r.site === null ? undefined : String(r.site),
        text: String(r.text),
        createdAt: String(r.created_at),
      }));
  }

  list({ status }: { status?: CommentStatus }): CommentRecord[] {
    const rows = status
      ? this.sql.get('SELECT * FROM comments WHERE status = ? ORDER BY created_at, id').all(status)
      : this.sql.get('SELECT * FROM comments ORDER BY created_at, id').all();
    return rows.map(toRecord);
  }

  queue(limit = 200): CommentRecord[] {
    return this.sql
      .get("SELECT * FROM comments ORDER BY status = 'pending' DESC, created_at DESC, id DESC LIMIT ?")
      .all(limit)
      .map(toRecord);
  }

  counts(): Record<CommentStatus, number> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
    for (const r of this.sql.get('SELECT status, COUNT(*) AS n FROM comments GROUP BY status').all())
      counts[r.status as CommentStatus] = Number(r.n);
    return counts;
  }

  setStatus(id: number, status: CommentStatus, at: Date): boolean {
    const approvedAt = status === 'approved' ? at.toISOString() : null;
    return (
      this.sql
        .get('UPDATE comments SET status = ?, approved_at = COALESCE(?, approved_at) WHERE id = ?')
        .run(status, approvedAt, id).changes > 0
    );
  }

  delete(id: number): boolean {
    return this.sql.get('DELETE FROM comments WHERE id = ?').run(id).changes > 0;
  }
}

function toRecord(r: Record<string, unknown>): CommentRecord {
  return {
    id: Number(r.id),
    articleId: String(r.article_id),
    parentId: opt(r.parent_id) === undefined ? undefined : Number(r.parent_id),
    name: String(r.name),
    email: String(r.email),
    site: opt(r.site) as string | undefined,
    text: String(r.text),
    status: r.status as CommentStatus,
    reason: opt(r.reason) as string | undefined,
    createdAt: String(r.created_at),
    approvedAt: opt(r.approved_at) as string | undefined,
    idempotencyKey: String(r.idempotency_key),
    payloadHash: String(r.payload_hash),
    form: String(r.form),
    privacyNoticeVersion: String(r.privacy_notice_version),
    privacyTextId: String(r.privacy_text_id),
    tokenDigest: opt(r.token_digest) as string | undefined,
  };
}
