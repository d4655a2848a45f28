import { createHmac, randomBytes } from 'node:crypto';
import { loadConfig, type ServerConfig } from './config.ts';
import type { Db } from './storage/db.ts';
import { openDb, describeStorage } from './storage/open.ts';
import { FunnelStore } from './storage/funnel-store.ts';
import { LeadStore } from './storage/lead-store.ts';
import { CommentStore } from './storage/comment-store.ts';
import { OutboxStore } from './storage/outbox-store.ts';
import { SessionStore } from './storage/session-store.ts';
import { AccountStore } from './storage/account-store.ts';
import { AuditStore } from './storage/audit-store.ts';
import { Team } from './admin/team.ts';
import { applyRetention, PendingWipe } from './storage/privacy.ts';
import { OutboxWorker } from './notify/outbox-worker.ts';
import { emailSender, webhookSender } from './notify/senders.ts';
import { queueDailySummaries, type SummaryDeps } from './notify/daily-summaries.ts';
import { getQuiz } from './content.ts';
import { MemoryRateLimiter, SharedRateLimiter, forgetOldWindows, type RateLimiter } from './http/rate-limiter.ts';

/** Everything the endpoints share in one server process. */
export interface Runtime {
  config: ServerConfig;
  db: Db;
  leads: LeadStore;
  outbox: OutboxStore;
  worker: OutboxWorker;
  leadLimiter: RateLimiter;
  /** The test's anonymous counters, and the beacons' own limit (never the leads'). */
  funnel: FunnelStore;
  funnelLimiter: RateLimiter;
  comments: CommentStore;
  commentLimiter: RateLimiter;
  /** One comment per client per COMMENTS_FLOOD_SECONDS. */
  floodGuard: RateLimiter;
  sessions: SessionStore;
  /** Failed sign-ins per client: 5 per 15 minutes. */
  loginLimiter: RateLimiter;
  /** Signs start tokens and result links; made once, kept in the database (shared by every instance). */
  signingKey: Buffer;
  /** Retries wiping erased data off the disk, until no erased byte is left. */
  wipe: PendingWipe;
  /** The team: the owner from the settings and the accounts. */
  team: Team;
  accounts: AccountStore;
  audit: AuditStore;
  /** Stops the worker and the jobs and closes the database. */
  close: () => Promise<void>;
}

/** The database cannot be opened (a read-only DATA_DIR, PostgreSQL down): the public pages stay up, forms answer 503. */
export class StorageUnavailable extends Error {}

/** How long after a failure to open the database the next request tries again. */
const REOPEN_AFTER_MS = 5000;

let runtime: Promise<Runtime> | null = null;
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
 * Rejects with `StorageUnavailable` while the database cannot be opened, trying again at
 * most every few seconds, so the site recovers by itself once the storage is back.
 */
export function getRuntime(): Promise<Runtime> {
  if (runtime) return runtime;
  if (failure && Date.now() - failedAt < REOPEN_AFTER_MS) return Promise.reject(failure);
  const creating = createRuntime(getConfig()).catch((error: unknown) => {
    runtime = null;
    if (!(error instanceof StorageUnavailable)) throw error;
    if (!failure) console.error(`[segnalazione] ${error.message}`);
    failure = error;
    failedAt = Date.now();
    throw error;
  });
  runtime = creating;
  return creating;
}

async function createRuntime(config: ServerConfig): Promise<Runtime> {
  const where = describeStorage(config.storage);
  let db: Db;
  try {
    db = await openDb(config.storage);
  } catch (error) {
    throw new StorageUnavailable(
      `cannot open the database (${where}${config.storage.databaseUrl ? '' : ', DATA_DIR'}): ${(error as Error).message}. ` +
        'The public pages are served; forms and the team area answer 503 until the storage is back.',
    );
  }
  failure = null;
  const key = await signingKey(db);
  const outbox = new OutboxStore(db);
  const senders = {
    ...(config.email && { email: emailSender(config.email, config.outbox.sendTimeoutSeconds) }),
    ...(config.webhook && { webhook: webhookSender(config.webhook, config.outbox.sendTimeoutSeconds) }),
  };
  const worker = new OutboxWorker(outbox, { ...config.outbox, senders, log: (line) => console.error(line) });
  const off = [!config.email && 'email (SMTP_URL)', !config.webhook && 'webhook (WEBHOOK_URL)'].filter(Boolean);
  console.log(
    `[segnalazione] data in ${where}; notifications: ${Object.keys(senders).join(', ') || 'none'}` +
      (off.length ? `; off, recorded as skipped: ${off.join(', ')}` : ''),
  );
  worker.start();
  const wipe = new PendingWipe(db);
  const accounts = new AccountStore(db);
  const leads = new LeadStore(db);
  if (!config.admin && (await accounts.active()).length === 0)
    console.log(
      '[segnalazione] team area closed: set ADMIN_PASSWORD or ADMIN_PASSWORD_HASH, or add an account with `npm run admin:user`, to open /admin/',
    );
  const jobs = scheduleJobs(db, config);
  const summaries = config.email
    ? scheduleSummaries(db, { accounts, leads, outbox, siteUrl: config.siteUrl.origin }, worker)
    : null;
  // Limits are counted where every instance sees them: in memory for one process, in PostgreSQL for several.
  const limiter = (bucket: string, max: number, seconds: number): RateLimiter =>
    db.engine === 'postgres'
      ? new SharedRateLimiter(db, bucket, max, seconds, createHmac('sha256', key).update('rate-limits').digest())
      : new MemoryRateLimiter(max, seconds);
  return {
    config,
    db,
    leads,
    outbox,
    worker,
    leadLimiter: limiter('leads', config.rateLimit.max, config.rateLimit.windowSeconds),
    funnel: new FunnelStore(db),
    // A test has a dozen steps; a client sending more than this in ten minutes is not taking it.
    funnelLimiter: limiter('funnel', 120, 600),
    comments: new CommentStore(db),
    commentLimiter: limiter('comments', config.comments.rateLimit, 600),
    floodGuard: limiter('flood', 1, Math.max(config.comments.floodSeconds, 0.001)),
    sessions: new SessionStore(db),
    loginLimiter: limiter('sign-in', 5, 900),
    signingKey: key,
    wipe,
    team: new Team(config.admin, accounts, key),
    accounts,
    audit: new AuditStore(db),
    close: async () => {
      worker.stop();
      wipe.stop();
      clearInterval(jobs);
      if (summaries) clearInterval(summaries);
      await db.close();
    },
  };
}

/**
 * The morning summaries (when email is configured): checked now and every 10 minutes, by
 * one instance at a time; each member gets one a day at most, from 8:00 in Rome.
 */
function scheduleSummaries(db: Db, deps: Omit<SummaryDeps, 'outcomeTitle'>, worker: OutboxWorker): NodeJS.Timeout {
  const run = async () => {
    try {
      const quiz = await getQuiz();
      const outcomeTitle = (id: string) => quiz.bands.find((b) => b.id === id)?.title ?? id;
      const queued = await db.exclusive('daily-summaries', () => queueDailySummaries({ ...deps, outcomeTitle }));
      if (queued) void worker.kick();
    } catch (error) {
      console.error('[segnalazione] daily summaries failed:', error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), 10 * 60_000);
  timer.unref();
  return timer;
}

/** The key that signs start tokens and result links: made by the first instance, read by the others. */
async function signingKey(db: Db): Promise<Buffer> {
  await db.run("INSERT INTO settings (key, value) VALUES ('signing-key', :value) ON CONFLICT (key) DO NOTHING", {
    value: randomBytes(32).toString('base64'),
  });
  const row = await db.get("SELECT value FROM settings WHERE key = 'signing-key'");
  return Buffer.from(String(row?.value), 'base64');
}

/**
 * The daily jobs, now and every day after: retention (by one instance at a time, logging
 * what was removed as counts), and forgetting rate-limit windows long over.
 */
function scheduleJobs(db: Db, config: ServerConfig): NodeJS.Timeout {
  const run = async () => {
    try {
      const result = await db.exclusive('retention', () => applyRetention(db, config.retention));
      if (result && 'skipped' in result)
        console.error(`[segnalazione] retention skipped: ${result.skipped.message} (nothing deleted)`);
      else if (result) console.log(`[segnalazione] retention: removed ${JSON.stringify(result.removed)}`);
      if (db.engine === 'postgres') await forgetOldWindows(db);
      await db.optimize();
    } catch (error) {
      console.error('[segnalazione] daily jobs failed:', error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), 24 * 3_600_000);
  timer.unref();
  return timer;
}
