import { createHmac, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { loadConfig, type ServerConfig } from './config.ts';
import { openDatabase } from './storage/database.ts';
import { SqliteLeadStore, type LeadStore } from './storage/lead-store.ts';
import { SqliteCommentStore, type CommentStore } from './storage/comment-store.ts';
import { OutboxStore } from './storage/outbox-store.ts';
import { OutboxWorker } from './notify/outbox-worker.ts';
import { emailSender, webhookSender } from './notify/senders.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { SessionStore } from './storage/session-store.ts';
import { applyRetention, WalWipe } from './storage/privacy.ts';

/** Everything the endpoints share in one server process. */
export interface Runtime {
  config: ServerConfig;
  db: DatabaseSync;
  leads: LeadStore;
  outbox: OutboxStore;
  worker: OutboxWorker;
  leadLimiter: RateLimiter;
  comments: CommentStore;
  commentLimiter: RateLimiter;
  /** One comment per client per COMMENTS_FLOOD_SECONDS. */
  floodGuard: RateLimiter;
  sessions: SessionStore;
  /** Failed sign-ins per client: 5 per 15 minutes. */
  loginLimiter: RateLimiter;
  /** Signs start tokens and result links; made once, kept in the database. */
  signingKey: Buffer;
  /** Retries emptying the WAL after an erasure, until no erased byte is left on disk. */
  wipe: WalWipe;
  /** The fingerprint of a team member's current credential, for their sessions; null: no such member. */
  credentialOf: (user: string) => string | null;
  /** Stops the worker and closes the database (once; later calls do nothing). */
  close: () => void;
}

/** The database cannot be opened (a read-only or missing DATA_DIR): the public pages stay up, forms answer 503. */
export class StorageUnavailable extends Error {}

/** How long after a failure to open the database the next request tries again. */
const REOPEN_AFTER_MS = 5000;

let runtime: Runtime | null = null;
let config: ServerConfig | null = null;
let failedAt = 0;
let failure: StorageUnavailable | null = null;

/** The settings, read once; a bad one throws a ConfigError naming it. */
export function getConfig(): ServerConfig {
  config ??= loadConfig();
  return config;
}

/**
 * The process's runtime, created on first use: configuration, database, outbox worker.
 * Throws `StorageUnavailable` while the database cannot be opened, retrying at most
 * every few seconds, so the site recovers by itself once the folder is writable again.
 */
export function getRuntime(): Runtime {
  if (runtime) return runtime;
  if (failure && Date.now() - failedAt < REOPEN_AFTER_MS) throw failure;
  try {
    runtime = createRuntime(getConfig());
    failure = null;
    return runtime;
  } catch (error) {
    if (!(error instanceof StorageUnavailable)) throw error;
    if (!failure) console.error(`[segnalazione] ${error.message}`);
    failure = error;
    failedAt = Date.now();
    throw error;
  }
}

function createRuntime(config: ServerConfig): Runtime {
  let db: DatabaseSync;
  try {
    db = openDatabase(config.dataDir);
  } catch (error) {
    throw new StorageUnavailable(
      `cannot open the database in ${path.resolve(config.dataDir)} (DATA_DIR): ${(error as Error).message}. ` +
        'The public pages are served; forms and the team area answer 503 until the folder is writable.',
    );
  }
  const outbox = new OutboxStore(db);
  const senders = {
    ...(config.email && { email: emailSender(config.email, config.outbox.sendTimeoutSeconds) }),
    ...(config.webhook && { webhook: webhookSender(config.webhook, config.outbox.sendTimeoutSeconds) }),
  };
  const worker = new OutboxWorker(outbox, { ...config.outbox, senders, log: (line) => console.error(line) });
  const off = [!config.email && 'email (SMTP_URL)', !config.webhook && 'webhook (WEBHOOK_URL)'].filter(Boolean);
  console.log(
    `[segnalazione] data in ${config.dataDir}; notifications: ${Object.keys(senders).join(', ') || 'none'}` +
      (off.length ? `; off, recorded as skipped: ${off.join(', ')}` : ''),
  );
  worker.start();
  if (!config.admin)
    console.log('[segnalazione] team area closed: set ADMIN_PASSWORD or ADMIN_PASSWORD_HASH to open /admin/');
  scheduleRetention(db, config);
  const key = signingKey(db);
  const wipe = new WalWipe(db);
  // The owner's credential as configured: a new password (or hash) or user name ends the old sessions.
  const ownerCredential = config.admin
    ? createHmac('sha256', key).update(`${config.admin.user}\n${config.admin.credentialSource}`).digest('base64url')
    : null;
  return {
    config,
    db,
    leads: new SqliteLeadStore(db),
    outbox,
    worker,
    leadLimiter: new RateLimiter(config.rateLimit.max, config.rateLimit.windowSeconds),
    comments: new SqliteCommentStore(db),
    commentLimiter: new RateLimiter(config.comments.rateLimit, 600),
    floodGuard: new RateLimiter(1, Math.max(config.comments.floodSeconds, 0.001)),
    sessions: new SessionStore(db),
    loginLimiter: new RateLimiter(5, 900),
    signingKey: key,
    wipe,
    credentialOf: (user) => (config.admin && user === config.admin.user ? ownerCredential : null),
    close: () => {
      worker.stop();
      wipe.stop();
      if (db.isOpen) db.close();
    },
  };
}

function signingKey(db: DatabaseSync): Buffer {
  db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('signing-key', ?)").run(
    randomBytes(32).toString('base64'),
  );
  const row = db.prepare("SELECT value FROM settings WHERE key = 'signing-key'").get();
  return Buffer.from(String(row?.value), 'base64');
}

/** Applies the retention periods now and every day after, logging what was removed as counts. */
function scheduleRetention(db: DatabaseSync, config: ServerConfig): void {
  const run = () => {
    try {
      const result = applyRetention(db, config.retention);
      if ('skipped' in result)
        console.error(`[segnalazione] retention skipped: ${result.skipped.message} (nothing deleted)`);
      else console.log(`[segnalazione] retention: removed ${JSON.stringify(result.removed)}`);
    } catch (error) {
      console.error('[segnalazione] retention failed:', error);
    }
  };
  run();
  setInterval(run, 24 * 3_600_000).unref();
}
