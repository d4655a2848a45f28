import type { LeadRecord, ConsentRecord } from '../../lib/leads/lead-record.ts';
import type { LeadQuery } from '../../lib/leads/lead-query.ts';
import type { LeadStatus } from '../../lib/leads/pipeline.ts';
import { addDays, romeMidnight } from '../../lib/format/date.ts';
import { searchText, searchWords } from '../../lib/leads/lead-search.ts';
import type { CallbackRequest } from '../../lib/leads/callback.ts';
import { num, optional, type Db, type Params, type Row } from './db.ts';

/** A notification to queue with a lead: `skipped` records a channel that is not configured. */
export interface OutboxMessage {
  channel: 'email' | 'webhook';
  status: 'pending' | 'skipped';
  payload: unknown;
  /** The team's notification (default) or the prospect's result email. */
  purpose?: 'team' | 'result';
}

export type InsertResult = { created: boolean; lead: LeadRecord };

/** A stored lead with where the team has got with it. */
export type StoredLead = LeadRecord & {
  status: string;
  /** The account working it (email). */
  owner?: string;
  /** The day to call back (YYYY-MM-DD, Rome). */
  followUp?: string;
  /** The prospect's own "richiamami": when and where they want the call. */
  callback?: CallbackRequest & { at: string };
};

/** A line of the leads list: what the team needs to see at a glance, no answers or consents. */
export interface LeadSummary {
  id: string;
  createdAt: string;
  nome: string;
  cognome: string;
  email: string;
  telefono?: string;
  azienda: string;
  outcome: string;
  scorePercent: number;
  status: string;
  owner?: string;
  followUp?: string;
  spamReason?: string;
  reviewReason?: string;
  sourceArticle?: string;
  /** How many tests this email has sent in all (2 or more: a returning person). */
  visits: number;
}

/** One entry of a lead's history. */
export interface LeadEvent {
  at: string;
  actor?: string;
  kind: 'status' | 'note' | 'owner' | 'follow-up' | 'export';
  detail: Record<string, string | null>;
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

  /** Result emails queued (or sent) to an address since `since`: the daily cap counts them. */
  async resultEmailsTo(email: string, since: Date): Promise<number> {
    const row = await this.db.get(
      `SELECT COUNT(*) AS n FROM outbox JOIN leads ON leads.id = outbox.lead_id
       WHERE leads.email = :email AND outbox.purpose = 'result' AND outbox.status <> 'skipped'
         AND outbox.created_at >= :since`,
      { email, since: since.toISOString() },
    );
    return num(row?.n);
  }

  /**
   * Records a prospect's "richiamami" on their lead (the phone they gave becomes the lead's)
   * and queues the team's notification, in one transaction. False when the lead is gone.
   */
  requestCallback(id: string, request: CallbackRequest, at: Date, outbox: OutboxMessage[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get('SELECT * FROM leads WHERE id = :id', { id });
      if (!row) return false;
      const lead = await toRecord(tx, row);
      const contact = { ...lead.contact, telefono: request.phone };
      await tx.run('UPDATE leads SET callback = :callback, telefono = :phone, search_text = :search WHERE id = :id', {
        id,
        callback: json({ ...request, at: at.toISOString() }),
        phone: request.phone,
        search: searchText(contact),
      });
      await insertRows(
        tx,
        'outbox',
        outbox.map((m) => ({
          lead_id: id,
          channel: m.channel,
          status: m.status,
          payload: json(m.payload),
          purpose: m.purpose ?? 'team',
          next_attempt_at: at.toISOString(),
          created_at: at.toISOString(),
        })),
      );
      return true;
    });
  }

  /** Whether a lead's result email was queued: only then does its result page say one is on its way. */
  async hasResultEmail(id: string): Promise<boolean> {
    const row = await this.db.get(
      `SELECT 1 AS yes FROM outbox WHERE lead_id = :id AND purpose = 'result' AND status <> 'skipped' LIMIT 1`,
      { id },
    );
    return Boolean(row);
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

  /** A lead with where the team has got with it, or null. */
  async find(id: string): Promise<StoredLead | null> {
    const row = await this.db.get('SELECT * FROM leads WHERE id = :id', { id });
    if (!row) return null;
    return { ...(await toRecord(this.db, row)), ...progress(row) };
  }

  /**
   * One page of the team's view (`LeadQuery`), and how many leads the view holds in all.
   * Only the list's columns are read: a page stays small at any number of leads.
   */
  async page(query: LeadQuery, today: string, pageSize = 50): Promise<{ total: number; rows: LeadSummary[] }> {
    const { where, params } = viewWhere(query, today);
    const total = num((await this.db.get(`SELECT COUNT(*) AS n FROM leads ${where}`, params))?.n);
    const rows = await this.summaries(where, params, ORDER[query.ordine], pageSize, (query.pagina - 1) * pageSize);
    return { total, rows };
  }

  private async summaries(
    where: string,
    params: Params,
    order: string,
    limit: number,
    offset: number,
  ): Promise<LeadSummary[]> {
    const rows = await this.db.all(
      `SELECT id, created_at, nome, cognome, email, telefono, azienda, outcome, score_percent, status, owner, follow_up,
         spam_reason, review_reason, source_article,
         (SELECT COUNT(*) FROM leads same WHERE same.email = leads.email) AS visits
       FROM leads ${where} ORDER BY ${order} LIMIT :limit OFFSET :offset`,
      { ...params, limit, offset },
    );
    return rows.map((r) => ({
      id: String(r.id),
      createdAt: String(r.created_at),
      nome: String(r.nome),
      cognome: String(r.cognome),
      email: String(r.email),
      telefono: optional(r.telefono),
      azienda: String(r.azienda),
      outcome: String(r.outcome),
      scorePercent: num(r.score_percent),
      status: String(r.status),
      owner: optional(r.owner),
      followUp: optional(r.follow_up),
      spamReason: optional(r.spam_reason),
      reviewReason: optional(r.review_reason),
      sourceArticle: optional(r.source_article),
      visits: num(r.visits),
    }));
  }

  /** Every lead of a view, whole and in its order, for the CSV export. */
  async all(query: LeadQuery, today: string): Promise<StoredLead[]> {
    const { where, params } = viewWhere(query, today);
    const rows = await this.db.all(`SELECT * FROM leads ${where} ORDER BY ${ORDER[query.ordine]}`, params);
    const records = await toRecords(this.db, rows);
    return records.map((record, i) => ({ ...record, ...progress(rows[i]) }));
  }

  /** How many leads (not spam) are in each status. */
  async statusCounts(): Promise<Record<string, number>> {
    const rows = await this.db.all('SELECT status, COUNT(*) AS n FROM leads WHERE spam = 0 GROUP BY status');
    return Object.fromEntries(rows.map((r) => [String(r.status), num(r.n)]));
  }

  /** Leads received since a moment (not spam). */
  async countSince(since: Date): Promise<number> {
    return num(
      (
        await this.db.get('SELECT COUNT(*) AS n FROM leads WHERE spam = 0 AND created_at >= :since', {
          since: since.toISOString(),
        })
      )?.n,
    );
  }

  /** Leads received since a moment (not spam), newest first, at most `limit`. */
  receivedSince(since: Date, limit = 50): Promise<LeadSummary[]> {
    return this.summaries(
      'WHERE spam = 0 AND created_at >= :since',
      { since: since.toISOString() },
      ORDER.recenti,
      limit,
      0,
    );
  }

  /** The other tests of the same person (email), newest first. */
  sameEmail(email: string, exceptId: string): Promise<LeadSummary[]> {
    return this.summaries('WHERE email = :email AND id != :exceptId', { email, exceptId }, ORDER.recenti, 100, 0);
  }

  /** Moves a lead in the pipeline and writes it in its history; false when the lead is gone or already there. */
  setStatus(id: string, status: LeadStatus, actor: string): Promise<boolean> {
    return this.change(id, 'status', 'status', status, actor);
  }

  /** Gives a lead to a member (email), or to nobody. */
  setOwner(id: string, owner: string | null, actor: string): Promise<boolean> {
    return this.change(id, 'owner', 'owner', owner, actor);
  }

  /** Sets the day to call back (YYYY-MM-DD), or clears it. */
  setFollowUp(id: string, day: string | null, actor: string): Promise<boolean> {
    return this.change(id, 'follow_up', 'follow-up', day, actor);
  }

  /** Adds a note to a lead's history. */
  async addNote(id: string, text: string, actor: string, now = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 AS x FROM leads WHERE id = :id', { id }))) return false;
      await addEvent(tx, id, 'note', { text }, actor, now);
      return true;
    });
  }

  /** Writes in the history of every lead of a view that it was exported (to CSV), by whom: one statement. */
  async recordExport(query: LeadQuery, today: string, actor: string, now = new Date()): Promise<number> {
    const { where, params } = viewWhere(query, today);
    return this.db.run(
      `INSERT INTO lead_events (lead_id, at, actor, kind, detail)
       SELECT id, :at, :actor, 'export', :detail FROM leads ${where}`,
      { ...params, at: now.toISOString(), actor, detail: JSON.stringify({ format: 'csv' }) },
    );
  }

  /** A lead's history, oldest first. */
  async history(id: string): Promise<LeadEvent[]> {
    const rows = await this.db.all('SELECT at, actor, kind, detail FROM lead_events WHERE lead_id = :id ORDER BY id', {
      id,
    });
    return rows.map((r) => ({
      at: String(r.at),
      actor: optional(r.actor),
      kind: r.kind as LeadEvent['kind'],
      detail: JSON.parse(String(r.detail)),
    }));
  }

  /** Changes one column of a lead and records it (from → to) in its history, in one transaction. */
  private change(
    id: string,
    column: 'status' | 'owner' | 'follow_up',
    kind: LeadEvent['kind'],
    value: string | null,
    actor: string,
    now = new Date(),
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get(`SELECT ${column} AS value FROM leads WHERE id = :id`, { id });
      if (!row) return false;
      const from = (row.value as string | null) ?? null;
      if (from === value) return false;
      await tx.run(`UPDATE leads SET ${column} = :value WHERE id = :id`, { value, id });
      await addEvent(tx, id, kind, { from, to: value }, actor, now);
      return true;
    });
  }
}

const ORDER: Record<LeadQuery['ordine'], string> = {
  recenti: 'created_at DESC, id DESC',
  'meno-recenti': 'created_at ASC, id ASC',
  punteggio: 'score_percent DESC, created_at DESC, id DESC',
  ricontatto: 'follow_up IS NULL, follow_up ASC, created_at DESC, id DESC',
};

const OPEN_STATUSES = "('new', 'contacted', 'meeting', 'proposal')";

/** `%text%` for LIKE, with LIKE's own wildcards in the text taken literally (ESCAPE '\'). */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause of a view: search words (each must be in the lead's search text), filters, spam. */
function viewWhere(query: LeadQuery, today: string) {
  const where: string[] = [];
  const params: Params = {};
  searchWords(query.q).forEach((word, i) => {
    where.push(`search_text LIKE :w${i} ESCAPE '\\'`);
    params[`w${i}`] = contains(word);
  });
  if (query.stato === 'aperti') where.push(`status IN ${OPEN_STATUSES}`);
  else if (query.stato) {
    where.push('status = :stato');
    params.stato = query.stato;
  }
  if (query.esito) {
    where.push('outcome = :esito');
    params.esito = query.esito;
  }
  if (query.articolo) {
    where.push('source_article = :articolo');
    params.articolo = query.articolo;
  }
  if (query.campagna) {
    // The campaign is inside the stored UTM object, written by JSON.stringify: "utm_campaign":"<value>".
    where.push(`utm LIKE :campagna ESCAPE '\\'`);
    params.campagna = contains(`"utm_campaign":${JSON.stringify(query.campagna)}`);
  }
  if (query.responsabile === 'nessuno') where.push('owner IS NULL');
  else if (query.responsabile) {
    where.push('owner = :owner');
    params.owner = query.responsabile;
  }
  if (query.ricontatto) {
    where.push(`follow_up IS NOT NULL AND status IN ${OPEN_STATUSES}`);
    // Due today includes the late ones: a call not made yesterday is still to make.
    if (query.ricontatto === 'settimana') where.push('follow_up <= :until');
    else where.push(query.ricontatto === 'oggi' ? 'follow_up <= :until' : 'follow_up < :until');
    params.until = query.ricontatto === 'settimana' ? addDays(today, 7) : today;
  }
  // Days are Rome's: "dal 01/12" starts at midnight in Rome, not in UTC.
  if (query.dal) {
    where.push('created_at >= :dal');
    params.dal = romeMidnight(query.dal).toISOString();
  }
  if (query.al) {
    where.push('created_at < :al');
    params.al = romeMidnight(addDays(query.al, 1)).toISOString();
  }
  if (query.marketing) {
    where.push("id IN (SELECT lead_id FROM consents WHERE purpose = 'marketing' AND granted = :marketing)");
    params.marketing = query.marketing === 'si' ? 1 : 0;
  }
  if (query.spam !== 'inclusi') {
    where.push('spam = :spam');
    params.spam = query.spam === 'solo' ? 1 : 0;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

async function addEvent(
  tx: Db,
  leadId: string,
  kind: LeadEvent['kind'],
  detail: Record<string, string | null>,
  actor: string,
  now: Date,
): Promise<void> {
  await tx.run(
    'INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES (:leadId, :at, :actor, :kind, :detail)',
    { leadId, at: now.toISOString(), actor, kind, detail: JSON.stringify(detail) },
  );
}

/** The pipeline columns of a row. */
function progress(row: Row): Pick<StoredLead, 'status' | 'owner' | 'followUp' | 'callback'> {
  return {
    status: String(row.status),
    owner: optional(row.owner),
    followUp: optional(row.follow_up),
    ...(row.callback ? { callback: JSON.parse(String(row.callback)) as StoredLead['callback'] } : {}),
  };
}

/** Inserts a lead with its consents and notifications; false (nothing written) when its key is taken. */
async function insertLead(tx: Db, lead: LeadRecord, outbox: OutboxMessage[]): Promise<boolean> {
  const c = lead.contact;
  const inserted = await tx.get(
    `INSERT INTO leads (id, created_at, idempotency_key, payload_hash, form, quiz_id, quiz_version, submitted_quiz_version,
       nome, cognome, email, telefono, azienda, piva, answers, score_points, score_min, score_max, score_percent,
       outcome, categories, utm, source_article, landing_path, fill_seconds, spam, spam_reason, review_reason, token_digest,
       search_text)
     VALUES (:id, :created_at, :idempotency_key, :payload_hash, :form, :quiz_id, :quiz_version, :submitted_quiz_version,
       :nome, :cognome, :email, :telefono, :azienda, :piva, :answers, :score_points, :score_min, :score_max, :score_percent,
       :outcome, :categories, :utm, :source_article, :landing_path, :fill_seconds, :spam, :spam_reason, :review_reason, :token_digest,
       :search_text)
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
      search_text: searchText(c),
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
      purpose: m.purpose ?? 'team',
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
