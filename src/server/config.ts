import { hashPassword, isPasswordHash } from './admin/password.ts';
import { readSettings, ConfigError } from './settings.ts';
import { parseTrustProxy, type TrustProxy } from '../lib/http/forwarded.ts';
import type { TokenPurpose, TokenRules } from '../lib/abuse/start-token.ts';

export { ConfigError };

export interface ServerConfig {
  /** Where the server listens (HOST, PORT). */
  listen: { host: string; port: number };
  /** The public origin (SITE_URL): forms are accepted from it. */
  siteUrl: URL;
  contentRoot: string;
  /** SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL. */
  storage: { dataDir: string; databaseUrl?: string };
  /** DATA_DIR: the SQLite database, and what the supervisor records. */
  dataDir: string;
  /** Which peers' X-Forwarded-* headers are believed. */
  trustProxy: TrustProxy;
  rateLimit: { max: number; windowSeconds: number };
  /** What a start token must show for a lead or a comment to be accepted without a person looking. */
  tokens: Record<TokenPurpose, TokenRules>;
  /** A form body must arrive within this time (slow clients are cut off with 408). */
  bodyTimeoutSeconds: number;
  email: { smtpUrl: string; to: string[]; from: string } | null;
  /** The prospect's result email: reply-to (else the company's email), cap per address and day, link life. */
  resultEmail: { replyTo?: string; maxPerDay: number; linkDays: number };
  webhook: { url: string; secret: string } | null;
  outbox: { maxAttempts: number; retrySeconds: number; pollSeconds: number; sendTimeoutSeconds: number };
  /** The team area's one user; null when no password is configured (the area is closed). */
  admin: {
    user: string;
    passwordHash: string;
    /** What identifies the credential across restarts (ADMIN_PASSWORD is hashed with a new salt each time). */
    credentialSource: string;
  } | null;
  /** How long a team-area session lasts. */
  sessionHours: number;
  retention: { leadsDays: number; spamDays: number; unapprovedCommentsDays: number; auditDays: number };
  comments: {
    /** Moderators told of held comments (default: NOTIFY_EMAIL_TO). */
    notifyTo: string[];
    closeAfterDays: number;
    floodSeconds: number;
    rateLimit: number;
    rules: { trustApprovedAuthors: boolean; maxLinks: number };
  };
}

/**
 * The server's settings from the environment (declared and validated by `settings.ts`),
 * plus the checks that span two variables.
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const env = readSettings(environment);
  const to = addresses(env.NOTIFY_EMAIL_TO ?? '');
  if (env.SMTP_URL && to.length === 0) throw new ConfigError('NOTIFY_EMAIL_TO', 'is required when SMTP_URL is set');
  if (to.some((a) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a)))
    throw new ConfigError('NOTIFY_EMAIL_TO', 'must be email addresses separated by commas');
  const moderators = env.COMMENTS_NOTIFY_TO ? addresses(env.COMMENTS_NOTIFY_TO) : to;
  if (moderators.some((a) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a)))
    throw new ConfigError('COMMENTS_NOTIFY_TO', 'must be email addresses separated by commas');
  if (env.ADMIN_PASSWORD_HASH && !isPasswordHash(env.ADMIN_PASSWORD_HASH)) {
    throw new ConfigError('ADMIN_PASSWORD_HASH', 'is not a hash made by `npm run admin:password`');
  }
  const passwordHash = env.ADMIN_PASSWORD_HASH ?? (env.ADMIN_PASSWORD ? hashPassword(env.ADMIN_PASSWORD) : null);
  if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET)
    throw new ConfigError('WEBHOOK_SECRET', 'is required when WEBHOOK_URL is set (16 characters or more)');
  let trustProxy: TrustProxy;
  try {
    trustProxy = parseTrustProxy(env.TRUST_PROXY);
  } catch (error) {
    throw new ConfigError('TRUST_PROXY', (error as Error).message);
  }
  return {
    listen: { host: env.HOST, port: env.PORT },
    siteUrl: new URL(env.SITE_URL),
    contentRoot: env.CONTENT_ROOT,
    trustProxy,
    storage: { dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL },
    dataDir: env.DATA_DIR,
    rateLimit: { max: env.LEADS_RATE_LIMIT, windowSeconds: env.LEADS_RATE_WINDOW_SECONDS },
    tokens: {
      lead: {
        minFillSeconds: env.LEADS_MIN_FILL_SECONDS,
        maxAgeSeconds: env.START_TOKEN_MAX_AGE_HOURS * 3600,
        maxUses: 3,
      },
      comment: {
        minFillSeconds: env.LEADS_MIN_FILL_SECONDS,
        maxAgeSeconds: env.START_TOKEN_MAX_AGE_HOURS * 3600,
        maxUses: 5,
      },
    },
    bodyTimeoutSeconds: env.REQUEST_BODY_TIMEOUT_SECONDS,
    email: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, to, from: env.NOTIFY_EMAIL_FROM } : null,
    resultEmail: {
      replyTo: env.RESULT_EMAIL_REPLY_TO,
      maxPerDay: env.RESULT_EMAIL_MAX_PER_DAY,
      linkDays: env.RESULT_LINK_DAYS,
    },
    webhook: env.WEBHOOK_URL && env.WEBHOOK_SECRET ? { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET } : null,
    outbox: {
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      retrySeconds: env.OUTBOX_RETRY_SECONDS,
      pollSeconds: env.OUTBOX_POLL_SECONDS,
      sendTimeoutSeconds: env.OUTBOX_SEND_TIMEOUT_SECONDS,
    },
    admin: passwordHash
      ? {
          user: env.ADMIN_USER,
          passwordHash,
          credentialSource: env.ADMIN_PASSWORD_HASH ?? `password:${env.ADMIN_PASSWORD}`,
        }
      : null,
    sessionHours: env.ADMIN_SESSION_HOURS,
    retention: {
      leadsDays: env.RETENTION_LEADS_DAYS,
      spamDays: env.RETENTION_SPAM_DAYS,
      unapprovedCommentsDays: env.RETENTION_UNAPPROVED_COMMENTS_DAYS,
      auditDays: env.RETENTION_AUDIT_DAYS,
    },
    comments: {
      notifyTo: moderators,
      closeAfterDays: env.COMMENTS_CLOSE_AFTER_DAYS,
      floodSeconds: env.COMMENTS_FLOOD_SECONDS,
      rateLimit: env.COMMENTS_RATE_LIMIT,
      rules: { trustApprovedAuthors: env.COMMENTS_TRUST_APPROVED, maxLinks: env.COMMENTS_MAX_LINKS },
    },
  };
}

function addresses(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
