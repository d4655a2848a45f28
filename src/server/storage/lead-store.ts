import type { LeadRecord, ConsentRecord } from '../../lib/leads/lead-record.ts';
import { num, optional, type Db, type Params, type Row } from './db.ts';

/** A notification to queue with a lead: `skipped` records a channel that is not configured. */
export interface OutboxMessage {
  channel: 'email' | 'webhook';
  status: 'pending' | 'skipped';
  payload: unknown;
}

export type InsertResult = { created: boolean; lead: LeadRecord };

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

const json = (value: unknown) => JSON.stringify(value);

/** Where leads live, with their consents and notifications: the same SQL on SQLite and PostgreSQL. */
export class LeadStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * Stores a lead, its consents and its notifications in one transaction, committed when
   * this resolves. A lead with an idempotency key already stored is not stored again
   * (`ON CONFLICT`, also between instances): the existing one is returned.
   */
  insert(lead: LeadRecord, outbox: OutboxMessage[]): Promise<InsertResult> {
    return this.db.transaction(async (tx) => {
      if (await insertLead(tx, lead, outbox)) return { created: true, lead };
      const existing = await byKey(tx, lead.idempotencyKey);
      if (!existing) throw new Error(`lead ${lead.idempotencyKey} conflicted but cannot be read`);
      return { created: false, lead: existing };
    });
  }

  /**
   * Stores a lead unless the same content (payload hash) was stored since `since` and is
   * not spam: then that lead is returned. For forms without an idempotency key of their
   * own; two such submissions at once take turns on their content's lock.
   */
  insertUnlessRecent(lead: LeadRecord, outbox: OutboxMessage[], since: Date): Promise<InsertResult> {
    return this.db.transaction(async (tx) => {
      await tx.lock(`lead-content:${lead.payloadHash}`);
      const row = await tx.get(
        `SELECT * FROM leads WHERE payload_hash = :hash AND created_at >= :since AND spam = 0
         ORDER BY created_at DESC LIMIT 1`,
        { hash: lead.payloadHash, since: since.toISOString() },
      );
      if (row) return { created: false, lead: await toRecord(tx, row) };
      await insertLead(tx, lead, outbox);
      return { created: true, lead };
    });
  }

  /** How many leads came with a start token (its digest), counted up to `upTo`: more makes no difference. */
  async countByToken(digest: string, upTo = 100): Promise<number> {
    return num(
      (
        await this.db.get(
          'SELECT COUNT(*) AS n FROM (SELECT 1 FROM leads WHERE token_digest = :digest LIMIT :upTo) uses',
          { digest, upTo },
        )
      )?.n,
    );
  }

  async get(id: string): Promise<LeadRecord | null> {
    const row = await this.db.get('SELECT * FROM leads WHERE id = :id', { id });
    return row ? toRecord(this.db, row) : null;
  }

  byIdempotencyKey(key: string): Promise<LeadRecord | null> {
    return byKey(this.db, key);
  }

  /** Leads oldest first, from `since` on; spam only when asked. */
  async list({ since, includeSpam = false }: { since?: Date; includeSpam?: boolean }): Promise<LeadRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM leads WHERE created_at >= :since AND (:spam = 1 OR spam = 0) ORDER BY created_at, id',
      { since: since?.toISOString() ?? '', spam: includeSpam ? 1 : 0 },
    );
    return toRecords(this.db, rows);
  }

  /** The team area's view: newest first, filtered. */
  async search(filter: LeadFilter): Promise<(LeadRecord & { status: string })[]> {
    const where: string[] = [];
    const params: Params = {};
    if (filter.id) {
      where.push('id = :id');
      params.id = filter.id;
    }
    if (filter.outcome) {
      where.push('outcome = :outcome');
      params.outcome = filter.outcome;
    }
    if (filter.from) {
      where.push('created_at >= :from');
      params.from = `${filter.from}T00:00:00.000Z`;
    }
    if (filter.to) {
      where.push('created_at <= :to');
      params.to = `${filter.to}T23:59:59.999Z`;
    }
    if (filter.marketing !== undefined) {
      where.push("id IN (SELECT lead_id FROM consents WHERE purpose = 'marketing' AND granted = :marketing)");
      params.marketing = filter.marketing ? 1 : 0;
    }
    if ((filter.spam ?? 'exclude') !== 'include') {
      where.push('spam = :spam');
      params.spam = filter.spam === 'only' ? 1 : 0;
    }
    const rows = await this.db.all(
      `SELECT * FROM leads ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC`,
      params,
    );
    const records = await toRecords(this.db, rows);
    return records.map((record, i) => ({ ...record, status: String(rows[i].status) }));
  }

  /** Marks a lead as worked on: `new`, `contacted` or `not-relevant`. */
  async setStatus(id: string, status: LeadStatus): Promise<boolean> {
    return (await this.db.run('UPDATE leads SET status = :status WHERE id = :id', { status, id })) > 0;
  }
}

/** Inserts a lead with its consents and notifications; false (nothing written) when its key is taken. */
async function insertLead(tx: Db, lead: LeadRecord, outbox: OutboxMessage[]): Promise<boolean> {
  const c = lead.contact;
  const inserted = await tx.get(
    `INSERT INTO leads (id, created_at, idempotency_key, payload_hash, form, quiz_id, quiz_version, submitted_quiz_version,
       nome, cognome, email, telefono, azienda, piva, answers, score_points, score_min, score_max, score_percent,
       outcome, categories, utm, source_article, landing_path, fill_seconds, spam, spam_reason, review_reason, token_digest)
     VALUES (:id, :created_at, :idempotency_key, :payload_hash, :form, :quiz_id, :quiz_version, :submitted_quiz_version,
       :nome, :cognome, :email, :telefono, :azienda, :piva, :answers, :score_points, :score_min, :score_max, :score_percent,
       :outcome, :categories, :utm, :source_article, :landing_path, :fill_seconds, :spam, :spam_reason, :review_reason, :token_digest)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    {
      id: lead.id,
      created_at: lead.createdAt,
      idempotency_key: lead.idempotencyKey,
      payload_hash: lead.payloadHash,
      form: lead.form,
      quiz_id: lead.quizId,
      quiz_version: lead.quizVersion,
      submitted_quiz_version: lead.submittedQuizVersion,
      nome: c.nome,
      cognome: c.cognome,
      email: c.email,
      telefono: c.telefono ?? null,
      azienda: c.azienda,
      piva: c.piva ?? null,
      answers: json(lead.answers),
      score_points: lead.score.points,
      score_min: lead.score.min,
      score_max: lead.score.max,
      score_percent: lead.score.percent,
      outcome: lead.outcome,
      categories: json(lead.categories),
      utm: json(lead.utm),
      source_article: lead.sourceArticle ?? null,
      landing_path: lead.landingPath ?? null,
      fill_seconds: lead.fillSeconds ?? null,
      spam: lead.spamReason ? 1 : 0,
      spam_reason: lead.spamReason ?? null,
      review_reason: lead.reviewReason ?? null,
      token_digest: lead.tokenDigest ?? null,
    },
  );
  if (!inserted) return false;
  // One statement per table, not per row: each is a round trip to PostgreSQL.
  await insertRows(
    tx,
    'consents',
    lead.consents.map((k) => ({
      lead_id: lead.id,
      purpose: k.purpose,
      granted: k.granted ? 1 : 0,
      notice_version: k.noticeVersion,
      text_id: k.textId ?? null,
      form: k.form,
      at: k.at,
    })),
  );
  await insertRows(
    tx,
    'outbox',
    outbox.map((m) => ({
      lead_id: lead.id,
      channel: m.channel,
      status: m.status,
      payload: json(m.payload),
      next_attempt_at: lead.createdAt,
      created_at: lead.createdAt,
    })),
  );
  return true;
}

/** Inserts rows (objects with the same columns) into `table` with one statement. */
async function insertRows(tx: Db, table: string, rows: Params[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const params: Params = {};
  const values = rows.map((row, i) => {
    for (const c of columns) params[`${c}_${i}`] = row[c];
    return `(${columns.map((c) => `:${c}_${i}`).join(', ')})`;
  });
  await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
}

async function byKey(db: Db, key: string): Promise<LeadRecord | null> {
  const row = await db.get('SELECT * FROM leads WHERE idempotency_key = :key', { key });
  return row ? toRecord(db, row) : null;
}

async function toRecord(db: Db, row: Row): Promise<LeadRecord> {
  return (await toRecords(db, [row]))[0];
}

/** Rows to records, with the consents of all of them read in a few queries (not one per lead). */
async function toRecords(db: Db, rows: Row[]): Promise<LeadRecord[]> {
  const consents = new Map<string, ConsentRecord[]>();
  for (let start = 0; start < rows.length; start += 500) {
    const ids = rows.slice(start, start + 500).map((r) => String(r.id));
    const params = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
    const found = await db.all(
      `SELECT lead_id, purpose, granted, notice_version, text_id, form, at FROM consents
       WHERE lead_id IN (${ids.map((_, i) => `:id${i}`).join(', ')}) ORDER BY id`,
      params,
    );
    for (const k of found) {
      const list = consents.get(String(k.lead_id)) ?? [];
      list.push({
        purpose: k.purpose as ConsentRecord['purpose'],
        granted: num(k.granted) === 1,
        noticeVersion: String(k.notice_version),
        textId: optional(k.text_id),
        form: String(k.form),
        at: String(k.at),
      });
      consents.set(String(k.lead_id), list);
    }
  }
  return rows.map((row) => ({
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
      telefono: optional(row.telefono),
      azienda: String(row.azienda),
      piva: optional(row.piva),
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
    sourceArticle: optional(row.source_article),
    landingPath: optional(row.landing_path),
    fillSeconds: row.fill_seconds === null || row.fill_seconds === undefined ? undefined : Number(row.fill_seconds),
    spamReason: optional(row.spam_reason),
    reviewReason: optional(row.review_reason),
    tokenDigest: optional(row.token_digest),
    consents: consents.get(String(row.id)) ?? [],
  }));
}
