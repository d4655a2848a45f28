import { createHash } from 'node:crypto';
import type { CommentRecord, CommentStatus } from '../../lib/comments/comment-record.ts';
import { num, optional, type Db, type Row } from './db.ts';

export type { CommentRecord, CommentStatus };

/** What a page may show of a comment: never the email. */
export interface PublicComment {
  id: number;
  parentId?: number;
  name: string;
  site?: string;
  text: string;
  createdAt: string;
  /** Written by the team from the moderation queue, signed as the site. */
  team: boolean;
}

/** The `form` of a reply the team writes as the site: the mark the public page shows. */
export const TEAM_FORM = 'team';

export interface CommentOutbox {
  channel: 'email';
  status: 'pending' | 'skipped';
  payload: unknown;
}

/** Comments and their moderation, the same SQL on SQLite and PostgreSQL. */
export class CommentStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * Stores a comment and its notifications (made from its new id) in one transaction;
   * a known idempotency key returns the stored comment instead (`ON CONFLICT`).
   */
  insert(
    comment: CommentRecord,
    outbox: (id: number) => CommentOutbox[],
  ): Promise<{ created: boolean; comment: CommentRecord }> {
    return this.db.transaction(async (tx) => {
      const c = comment;
      const row = await tx.get(
        `INSERT INTO comments (article_id, parent_id, name, email, site, text, status, reason, created_at, approved_at,
           idempotency_key, payload_hash, form, privacy_notice_version, privacy_text_id, token_digest)
         VALUES (:article_id, :parent_id, :name, :email, :site, :text, :status, :reason, :created_at, :approved_at,
           :idempotency_key, :payload_hash, :form, :privacy_notice_version, :privacy_text_id, :token_digest)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        {
          article_id: c.articleId,
          parent_id: c.parentId ?? null,
          name: c.name,
          email: c.email,
          site: c.site ?? null,
          text: c.text,
          status: c.status,
          reason: c.reason ?? null,
          created_at: c.createdAt,
          approved_at: c.approvedAt ?? null,
          idempotency_key: c.idempotencyKey,
          payload_hash: c.payloadHash,
          form: c.form,
          privacy_notice_version: c.privacyNoticeVersion,
          privacy_text_id: c.privacyTextId,
          token_digest: c.tokenDigest ?? null,
        },
      );
      if (!row) {
        const existing = await tx.get('SELECT * FROM comments WHERE idempotency_key = :key', {
          key: c.idempotencyKey,
        });
        return { created: false, comment: toRecord(existing!) };
      }
      const id = num(row.id);
      for (const m of outbox(id))
        await tx.run(
          `INSERT INTO outbox (comment_id, channel, status, payload, next_attempt_at, created_at)
           VALUES (:id, :channel, :status, :payload, :at, :at)`,
          { id, channel: m.channel, status: m.status, payload: JSON.stringify(m.payload), at: c.createdAt },
        );
      return { created: true, comment: { ...comment, id } };
    });
  }

  async get(id: number): Promise<CommentRecord | null> {
    const row = await this.db.get('SELECT * FROM comments WHERE id = :id', { id });
    return row ? toRecord(row) : null;
  }

  async byIdempotencyKey(key: string): Promise<CommentRecord | null> {
    const row = await this.db.get('SELECT * FROM comments WHERE idempotency_key = :key', { key });
    return row ? toRecord(row) : null;
  }

  /** The names this email signed its approved comments with (none: it has no approved comment). */
  async approvedNames(email: string): Promise<string[]> {
    const rows = await this.db.all(
      "SELECT DISTINCT name FROM comments WHERE email = :email AND status = 'approved' ORDER BY name",
      { email },
    );
    return rows.map((r) => String(r.name));
  }

  /** How many comments came with a start token (its digest), counted up to `upTo`: more makes no difference. */
  async countByToken(digest: string, upTo = 100): Promise<number> {
    return num(
      (
        await this.db.get(
          'SELECT COUNT(*) AS n FROM (SELECT 1 FROM comments WHERE token_digest = :digest LIMIT :upTo) uses',
          { digest, upTo },
        )
      )?.n,
    );
  }

  /** The newest comment time of an email, for the flood guard. */
  async lastCreatedAt(email: string): Promise<string | null> {
    const row = await this.db.get('SELECT MAX(created_at) AS at FROM comments WHERE email = :email', { email });
    return row?.at ? String(row.at) : null;
  }

  /** Whether the same text by the same email is already on the article (not trashed). */
  async isDuplicate(articleId: string, email: string, text: string): Promise<boolean> {
    return Boolean(
      await this.db.get(
        `SELECT 1 AS x FROM comments WHERE article_id = :articleId AND email = :email AND text = :text
         AND status != 'trash' LIMIT 1`,
        { articleId, email, text },
      ),
    );
  }

  /** Approved comments of an article, oldest first. */
  async approved(articleId: string): Promise<PublicComment[]> {
    const rows = await this.db.all(
      `SELECT id, parent_id, name, site, text, created_at, form FROM comments
       WHERE article_id = :articleId AND status = 'approved' ORDER BY created_at, id`,
      { articleId },
    );
    return rows.map((r) => ({
      id: num(r.id),
      parentId: r.parent_id === null ? undefined : num(r.parent_id),
      name: String(r.name),
      site: optional(r.site),
      text: String(r.text),
      createdAt: String(r.created_at),
      team: r.form === TEAM_FORM,
    }));
  }

  /**
   * Publishes the team's reply to a comment, signed as the site, in the comment's thread
   * (one level: a reply to a reply joins its thread). Replying approves a comment still
   * waiting, as it does in WordPress. The same reply sent twice is stored once. Null when
   * the comment is gone or was not for publishing (spam, trash).
   */
  reply(
    parentId: number,
    reply: { text: string; siteName: string; actor: string },
    now = new Date(),
  ): Promise<{ id: number; approvedParent: boolean } | null> {
    return this.db.transaction(async (tx) => {
      const parent = await tx.get('SELECT id, parent_id, article_id, status FROM comments WHERE id = :id', {
        id: parentId,
      });
      if (!parent || (parent.status !== 'approved' && parent.status !== 'pending')) return null;
      const approvedParent = parent.status === 'pending';
      if (approvedParent)
        await tx.run("UPDATE comments SET status = 'approved', approved_at = :at WHERE id = :id", {
          at: now.toISOString(),
          id: parentId,
        });
      const key = createHash('sha256').update(`${TEAM_FORM}\n${parentId}\n${reply.actor}\n${reply.text}`).digest('hex');
      const row = await tx.get(
        `INSERT INTO comments (article_id, parent_id, name, email, text, status, created_at, approved_at,
           idempotency_key, payload_hash, form, privacy_notice_version, privacy_text_id)
         VALUES (:article, :parent, :name, :email, :text, 'approved', :at, :at, :key, :key, :form, '-', '-')
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id`,
        {
          article: String(parent.article_id),
          parent: parent.parent_id === null ? parentId : num(parent.parent_id),
          name: reply.siteName,
          email: reply.actor,
          text: reply.text,
          at: now.toISOString(),
          key,
          form: TEAM_FORM,
        },
      );
      const id = row
        ? num(row.id)
        : num((await tx.get('SELECT id FROM comments WHERE idempotency_key = :key', { key }))?.id);
      return { id, approvedParent };
    });
  }

  async list({ status }: { status?: CommentStatus }): Promise<CommentRecord[]> {
    const rows = status
      ? await this.db.all('SELECT * FROM comments WHERE status = :status ORDER BY created_at, id', { status })
      : await this.db.all('SELECT * FROM comments ORDER BY created_at, id');
    return rows.map(toRecord);
  }

  /** The moderation queue: pending first, then newest first. */
  async queue(limit = 200): Promise<CommentRecord[]> {
    const rows = await this.db.all(
      `SELECT * FROM comments ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, created_at DESC, id DESC
       LIMIT :limit`,
      { limit },
    );
    return rows.map(toRecord);
  }

  async counts(): Promise<Record<CommentStatus, number>> {
    const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
    for (const r of await this.db.all('SELECT status, COUNT(*) AS n FROM comments GROUP BY status'))
      counts[r.status as CommentStatus] = num(r.n);
    return counts;
  }

  async setStatus(id: number, status: CommentStatus, at: Date): Promise<boolean> {
    const approvedAt = status === 'approved' ? at.toISOString() : null;
    return (
      (await this.db.run(
        'UPDATE comments SET status = :status, approved_at = COALESCE(:approvedAt, approved_at) WHERE id = :id',
        { status, approvedAt, id },
      )) > 0
    );
  }

  async delete(id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM comments WHERE id = :id', { id })) > 0;
  }
}

function toRecord(r: Row): CommentRecord {
  return {
    id: num(r.id),
    articleId: String(r.article_id),
    parentId: r.parent_id === null || r.parent_id === undefined ? undefined : num(r.parent_id),
    name: String(r.name),
    email: String(r.email),
    site: optional(r.site),
    text: String(r.text),
    status: r.status as CommentStatus,
    reason: optional(r.reason),
    createdAt: String(r.created_at),
    approvedAt: optional(r.approved_at),
    idempotencyKey: String(r.idempotency_key),
    payloadHash: String(r.payload_hash),
    form: String(r.form),
    privacyNoticeVersion: String(r.privacy_notice_version),
    privacyTextId: String(r.privacy_text_id),
    tokenDigest: optional(r.token_digest),
  };
}
