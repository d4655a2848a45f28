/**
 * The database schema, one migration per version, applied in order at start-up.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'leads, consents, outbox, settings',
    sql: `
      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload_hash TEXT NOT NULL,
        form TEXT NOT NULL,
        quiz_id TEXT NOT NULL,
        quiz_version TEXT NOT NULL,
        submitted_quiz_version TEXT NOT NULL,
        nome TEXT NOT NULL,
        cognome TEXT NOT NULL,
        email TEXT NOT NULL,
        telefono TEXT,
        azienda TEXT NOT NULL,
        piva TEXT,
        answers TEXT NOT NULL,
        score_points REAL NOT NULL,
        score_min REAL NOT NULL,
        score_max REAL NOT NULL,
        score_percent INTEGER NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
        outcome TEXT NOT NULL,
        categories TEXT NOT NULL,
        utm TEXT NOT NULL,
        source_article TEXT,
        landing_path TEXT,
        fill_seconds REAL,
        spam INTEGER NOT NULL DEFAULT 0 CHECK (spam IN (0, 1)),
        spam_reason TEXT,
        status TEXT NOT NULL DEFAULT 'new'
      ) STRICT;
      CREATE INDEX leads_created ON leads (created_at);
      CREATE INDEX leads_email ON leads (email);

      -- Proof of consent, per purpose: what was shown, when, from which form; later withdrawals add rows.
      CREATE TABLE consents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        purpose TEXT NOT NULL CHECK (purpose IN ('privacy-notice', 'marketing')),
        granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
        notice_version TEXT NOT NULL,
        text_id TEXT,
        form TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX consents_lead ON consents (lead_id);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id TEXT REFERENCES leads (id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 2,
    name: 'comments',
    sql: `
      CREATE TABLE comments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL,
        parent_id INTEGER REFERENCES comments (id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        site TEXT,
        text TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
        reason TEXT,
        created_at TEXT NOT NULL,
        approved_at TEXT,
        idempotency_key TEXT NOT NULL UNIQUE,
        payload_hash TEXT NOT NULL,
        form TEXT NOT NULL,
        privacy_notice_version TEXT NOT NULL,
        privacy_text_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_article ON comments (article_id, status, created_at);
      CREATE INDEX comments_email ON comments (email, status);
      ALTER TABLE outbox ADD COLUMN comment_id INTEGER REFERENCES comments (id) ON DELETE CASCADE;
    `,
  },
  {
    version: 3,
    name: 'admin sessions, privacy log',
    sql: `
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      -- What was done for a data request or by retention, without the data: counts only.
      CREATE TABLE privacy_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        counts TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'review flag, start-token uses, sessions bound to the credential, reason codes',
    sql: `
      -- A lead we could not verify because of our own start-token problems: kept and shown, never silent spam.
      ALTER TABLE leads ADD COLUMN review_reason TEXT;
      -- Which start token (a digest, never the token) a lead or comment came with: tokens are counted.
      ALTER TABLE leads ADD COLUMN token_digest TEXT;
      CREATE INDEX leads_token ON leads (token_digest) WHERE token_digest IS NOT NULL;
      CREATE INDEX leads_payload ON leads (payload_hash, created_at);
      ALTER TABLE comments ADD COLUMN token_digest TEXT;
      -- A session is valid only while the credential it was opened with is the configured one.
      ALTER TABLE sessions ADD COLUMN credential TEXT NOT NULL DEFAULT '';
      -- One vocabulary of reasons for leads and comments (src/lib/abuse/reasons.ts).
      UPDATE leads SET spam_reason = 'token-missing' WHERE spam_reason = 'no-start-token';
      UPDATE comments SET reason = CASE reason
        WHEN 'troppi link' THEN 'too-many-links'
        WHEN 'primo commento' THEN 'first-comment'
        WHEN 'moderazione di tutti i commenti' THEN 'moderate-all'
        WHEN 'scritto troppo in fretta' THEN 'too-fast'
        WHEN 'inviato senza il modulo della pagina' THEN 'token-missing'
        ELSE reason END;
      CREATE INDEX outbox_channel_due ON outbox (channel, status, next_attempt_at);
    `,
  },
];
