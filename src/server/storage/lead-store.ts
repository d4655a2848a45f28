import { SqliteStore } from './statements.ts';
import type { LeadRecord } from '../../lib/leads/lead-record.ts';
import { insertOnce } from './database.ts';

/** A notification to queue with a lead: `skipped` records a channel that is not configured. */
export interface OutboxMessage {
  channel: 'email' | 'webhook';
  status: 'pending' | 'skipped';
  payload: unknown;
}

export type InsertResult = { created: true; lead: LeadRecord } | { created: false; lead: LeadRecord };

/** Where leads live. SQLite today; a PostgreSQL store implements the same interface. */
export interface LeadStore {
  /**
   * Stores a lead, its consents and its notifications in one transaction, committed when
   * this returns. A lead with an idempotency key already stored is not stored again: the
   * existing one is returned.
   */
  insert(lead: LeadRecord, outbox: OutboxMessage[]): InsertResult;
  /**
   * Stores a lead unless the same content (payload hash) was stored since `since` and is
   * not spam: then that lead is returned. For forms without an idempotency key of their own.
   */
  insertUnlessRecent(lead: LeadRecord, outbox: OutboxMessage[], since: Date): InsertResult;
  /** How many leads came with a start token (its digest). */
  countByToken(digest: string): number;
  get(id: string): LeadRecord | null;
  byIdempotencyKey(key: string): LeadRecord | null;
  /** Leads oldest first, from `since` on; spam only when asked. */
  list(filter: { since?: Date; includeSpam?: boolean }): LeadRecord[];
  /** The team area's view: newest first, filtered. */
  search(filter: LeadFilter): (LeadRecord & { status: string })[];
  /** Marks a lead as worked on: `new`, `contacted` or `not-relevant`. */
  setStatus(id: string, status: LeadStatus): boolean;
}

export const LEAD_STATUSES = ['new', 'contacted', 'not-relevant'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface LeadFilter {
  /** One lead. */
  id?: string;
  outcome?: string;
  /** Calendar days, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  marketing?: boolean;
  /** `exclude` (default), `only`, or `include`. */
  spam?: 'exclude' | 'only' | 'include';
}

type Row = Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value);
const str = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

export class SqliteLeadStore extends SqliteStore implements LeadStore {
  insert(lead: LeadRecord, outbox: OutboxMessage[]): InsertResult {
    return this.insertWhen(lead, outbox, () => this.byIdempotencyKey(lead.idempotencyKey));
  }

  insertUnlessRecent(lead: LeadRecord, outbox: OutboxMessage[], since: Date): InsertResult {
    return this.insertWhen(lead, outbox, () => {
      const row = this.sql
        .get(
          'SELECT * FROM leads WHERE payload_hash = ? AND created_at >= ? AND spam = 0 ORDER BY created_at DESC LIMIT 1',
        )
        .get(lead.payloadHash, since.toISOString());
      return row ? this.toRecord(row) : null;
    });
  }

  countByToken(digest: string): number {
    return Number(this.sql.get('SELECT COUNT(*) AS n FROM leads WHERE token_digest = ?').get(digest)?.n ?? 0);
  }

  /** Stores a lead, its consents and notifications in one transaction, unless `existing` finds it there already. */
  private insertWhen(lead: LeadRecord, outbox: OutboxMessage[], existing: () => LeadRecord | null): InsertResult {
    const { created, value } = insertOnce(this.db, existing, () => {
      const c = lead.contact;
      this.sql
        .get(
          `INSERT INTO leads (id, created_at, idempotency_key, payload_hash, form, quiz_id, quiz_version, submitted_quiz_version,
             nome, cognome, email, telefono, azienda, piva, answers, score_points, score_min, score_max, score_percent,
             outcome, categories, utm, source_article, landing_path, fill_seconds, spam, spam_reason, review_reason, token_digest)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          lead.id,
          lead.createdAt,
          lead.idempotencyKey,
          lead.payloadHash,
          lead.form,
          lead.quizId,
          lead.quizVersion,
          lead.submittedQuizVersion,
          c.nome,
          c.cognome,
          c.email,
          c.telefono ?? null,
          c.azienda,
          c.piva ?? null,
          json(lead.answers),
          lead.score.points,
          lead.score.min,
          lead.score.max,
          lead.score.percent,
          lead.outcome,
          json(lead.categories),
          json(lead.utm),
          lead.sourceArticle ?? null,
          lead.landingPath ?? null,
          lead.fillSeconds ?? null,
          lead.spamReason ? 1 : 0,
          lead.spamReason ?? null,
          lead.reviewReason ?? null,
          lead.tokenDigest ?? null,
        );
      const consent = this.sql.get(
        'INSERT INTO consents (lead_id, purpose, granted, notice_version, text_id, form, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const k of lead.consents)
        consent.run(lead.id, k.purpose, k.granted ? 1 : 0, k.noticeVersion, k.textId ?? null, k.form, k.at);
      const queue = this.sql.get(
        'INSERT INTO outbox (lead_id, channel, status, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const m of outbox) queue.run(lead.id, m.channel, m.status, json(m.payload), lead.createdAt, lead.createdAt);
      return lead;
    });
    return { created, lead: value };
  }

  get(id: string): LeadRecord | null {
    const row = this.sql.get('SELECT * FROM leads WHERE id = ?').get(id);
    return row ? this.toRecord(row) : null;
  }

  byIdempotencyKey(key: string): LeadRecord | null {
    const row = this.sql.get('SELECT * FROM leads WHERE idempotency_key = ?').get(key);
    return row ? this.toRecord(row) : null;
  }

  list({ since, includeSpam = false }: { since?: Date; includeSpam?: boolean }): LeadRecord[] {
    return this.sql
      .get('SELECT * FROM leads WHERE created_at >= ? AND (? OR spam = 0) ORDER BY created_at, id')
      .all(since?.toISOString() ?? '', includeSpam ? 1 : 0)
      .map((row) => this.toRecord(row));
  }

  search(filter: LeadFilter): (LeadRecord & { status: string })[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.id) {
      where.push('id = ?');
      args.push(filter.id);
    }
    if (filter.outcome) {
      where.push('outcome = ?');
      args.push(filter.outcome);
    }
    if (filter.from) {
      where.push('created_at >= ?');
      args.push(`${filter.from}T00:00:00.000Z`);
    }
    if (filter.to) {
      where.push('created_at <= ?');
      args.push(`${filter.to}T23:59:59.999Z`);
    }
    if (filter.marketing !== undefined) {
      where.push("id IN (SELECT lead_id FROM consents WHERE purpose = 'marketing' AND granted = ?)");
      args.push(filter.marketing ? 1 : 0);
    }
    if ((filter.spam ?? 'exclude') !== 'include') where.push(`spam = ${filter.spam === 'only' ? 1 : 0}`);
    const sql = `SELECT * FROM leads ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC`;
    return this.sql
      .get(sql)
      .all(...args)
      .map((row) => ({ ...this.toRecord(row), status: String(row.status) }));
  }

  setStatus(id: string, status: LeadStatus): boolean {
    return this.sql.get('UPDATE leads SET status = ? WHERE id = ?').run(status, id).changes > 0;
  }

  private toRecord(row: Row): LeadRecord {
    const consents = this.sql
      .get('SELECT purpose, granted, notice_version, text_id, form, at FROM consents WHERE lead_id = ? ORDER BY id')
      .all(String(row.id))
      .map((k) => ({
        purpose: k.purpose as 'privacy-notice' | 'marketing',
        granted: k.granted === 1,
        noticeVersion: String(k.notice_version),
        textId: str(k.text_id),
        form: String(k.form),
        at: String(k.at),
      }));
    return {
      id: String(row.id),
      createdAt: String(row.created_at),
      idempotencyKey: String(row.idempotency_key),
      payloadHash: String(row.payload_hash),
      form: String(row.form),
      quizId: String(row.quiz_id),
      quizVersion: String(row.quiz_version),
      submittedQuizVersion: String(row.submitted_quiz_version),
      contact: {
        nome: String(row.nome),
        cognome: String(row.cognome),
        email: String(row.email),
        telefono: str(row.telefono),
        azienda: String(row.azienda),
        piva: str(row.piva),
      },
      answers: JSON.parse(String(row.answers)),
      score: {
        points: Number(row.score_points),
        min: Number(row.score_min),
        max: Number(row.score_max),
        percent: Number(row.score_percent),
      },
      outcome: String(row.outcome),
      categories: JSON.parse(String(row.categories)),
      utm: JSON.parse(String(row.utm)),
      sourceArticle: str(row.source_article),
      landingPath: str(row.landing_path),
      fillSeconds: row.fill_seconds === null ? undefined : Number(row.fill_seconds),
      spamReason: str(row.spam_reason),
      reviewReason: str(row.review_reason),
      tokenDigest: str(row.token_digest),
      consents,
    };
  }
}
