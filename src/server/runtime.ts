import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { loadConfig, type ServerConfig } from './config.ts';
import { openDatabase } from './storage/database.ts';
import { SqliteLeadStore, type LeadStore } from './storage/lead-store.ts';
import { SqliteCommentStore, type CommentStore } from './storage/comment-store.ts';
import { OutboxStore } from './storage/outbox-store.ts';
import { OutboxWorker } from './notify/outbox-worker.ts';
import { emailSender, webhookSender } from './notify/senders.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { SessionStore } from './storage/session-store.ts';
import { applyRetention } from './storage/privacy.ts';

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
  /** Stops the worker and closes the database (once; later calls do nothing). */
  close: () => void;
}

let runtime: Runtime | null = null;

/** The process's runtime, created on first use: configuration, database, outbox worker. */
export function getRuntime(): Runtime {
  runtime ??= createRuntime();
  return runtime;
}

function createRuntime(): Runtime {
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
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
    signingKey: signingKey(db),
    close: () => {
      worker.stop();
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
      const counts = applyRetention(db, config.retention);
      console.log(`[segnalazione] retention: removed ${JSON.stringify(counts)}`);
    } catch (error) {
      console.error('[segnalazione] retention failed:', error);
    }
  };
  run();
  setInterval(run, 24 * 3_600_000).unref();
}
