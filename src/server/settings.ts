import { z } from 'zod';

/*
 * Every setting of a deployment, in one place: its name, type, default and meaning.
 * The server, `astro.config.mjs` and the CLI scripts read them from here, so a default
 * (`./data`, 730 days…) is written once. `.env.example` lists the same names (a test
 * keeps the two in step). Operators read these messages: they are in English.
 */

/** A setting that cannot work: named, so the operator knows what to fix. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

const whole = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
const decimal = (min: number, fallback: number) => z.coerce.number().min(min).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Read when the site is built: they end up in the pages. */
const buildShape = {
  /** The public origin: canonical URLs, sitemap, RSS, and the origin forms are accepted from. */
  SITE_URL: z.url({ protocol: /^https?$/ }).default('https://www.segnalazionevincente.com'),
  /** Where the test's island posts leads; another URL lets a static-only deployment use a hosted backend. */
  PUBLIC_LEADS_ENDPOINT: z.string().default('/api/leads'),
  /** The folder of the marketers' content (tests and benchmarks point it at a copy). */
  CONTENT_ROOT: z.string().default('./content'),
  /** Where the server (and `astro dev`) listens. */
  HOST: z.string().default('localhost'),
  PORT: whole(0, 4321),
};

/** Read when the server starts. */
const serverShape = {
  ...buildShape,
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL instead of the embedded SQLite file (`postgres://user:password@host:5432/db`), for several instances. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where `npm start` keeps the builds of the site (`current` links the one online). */
  RELEASES_DIR: z.string().min(1).default('./releases'),
  /** How often `npm start` looks for a scheduled article whose time has come. */
  PUBLISH_CHECK_SECONDS: decimal(0.1, 60),
  /**
   * The git clone the web editor (/admin/redazione/) reads and commits to; unset, the editor is off. Point
   * CONTENT_ROOT at its `content/` so a save is what the next build publishes (docs/DEPLOY.md).
   */
  CMS_REPO_DIR: z.string().min(1).optional(),
  /** Which peers may set X-Forwarded-For/-Proto/-Host: `loopback`, addresses/CIDRs separated by commas, or empty. */
  TRUST_PROXY: z.string().default(''),
  LEADS_RATE_LIMIT: whole(1, 10),
  LEADS_RATE_WINDOW_SECONDS: whole(1, 600),
  LEADS_MIN_FILL_SECONDS: decimal(0, 5),
  /** A form's start token older than this no longer vouches for a submission (it is reviewed by a person). */
  START_TOKEN_MAX_AGE_HOURS: decimal(0.01, 24),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  NOTIFY_EMAIL_TO: z.string().optional(),
  NOTIFY_EMAIL_FROM: z.string().default('Segnalazione Vincente <noreply@segnalazionevincente.com>'),
  /** Where a prospect's reply to their result email goes (default: the email in content/azienda/azienda.yaml). */
  RESULT_EMAIL_REPLY_TO: z.email().optional(),
  /** Result emails to one address per day, at most: the test must not become a way to flood a stranger's inbox. */
  RESULT_EMAIL_MAX_PER_DAY: whole(0, 3),
  /** How long the signed link to a result page (in the email, after the plain form) keeps working. */
  RESULT_LINK_DAYS: whole(1, 30),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  COMMENTS_NOTIFY_TO: z.string().optional(),
  COMMENTS_CLOSE_AFTER_DAYS: whole(0, 0),
  COMMENTS_FLOOD_SECONDS: decimal(0, 15),
  COMMENTS_MAX_LINKS: whole(0, 2),
  COMMENTS_TRUST_APPROVED: flag(true),
  COMMENTS_RATE_LIMIT: whole(1, 20),
  ADMIN_USER: z.string().min(1).default('admin'),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  ADMIN_PASSWORD_HASH: z.string().optional(),
  ADMIN_SESSION_HOURS: decimal(0.0001, 8),
  RETENTION_LEADS_DAYS: whole(1, 730),
  RETENTION_SPAM_DAYS: whole(1, 30),
  RETENTION_UNAPPROVED_COMMENTS_DAYS: whole(1, 30),
  RETENTION_AUDIT_DAYS: whole(30, 365),
  REQUEST_BODY_TIMEOUT_SECONDS: decimal(0.1, 10),
  OUTBOX_MAX_ATTEMPTS: whole(1, 8),
  OUTBOX_RETRY_SECONDS: decimal(0.1, 30),
  OUTBOX_POLL_SECONDS: decimal(0.05, 5),
  /** The longest one email or webhook delivery may take (connect, greeting, answer). */
  OUTBOX_SEND_TIMEOUT_SECONDS: decimal(0.5, 20),
};

const buildSchema = z.object(buildShape);
const serverSchema = z.object(serverShape);

export type BuildSettings = z.infer<typeof buildSchema>;
export type Settings = z.infer<typeof serverSchema>;

/** Every variable name a deployment may set. */
export const SETTING_NAMES = Object.keys(serverShape) as (keyof Settings)[];

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  // An empty value means "not set": `FOO=` in an env file keeps the default.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0]);
  throw new ConfigError(name, `${problem(issue)} (got "${env[name]}")`);
}

/** The issue in the operator's words (zod's own messages follow the site's Italian locale). */
function problem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small')
    return issue.origin === 'string' ? `must be at least ${issue.minimum} characters` : `must be ≥ ${issue.minimum}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map(String).sort().join(', ')}`;
  if (issue.code === 'invalid_format') return 'must be a URL with its scheme (https://…, smtp://…)';
  if (issue.code === 'invalid_type')
    return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
  return 'is not valid';
}

/** The settings a build needs (never a server secret: a build must not fail on them). */
export function readBuildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  return parse(buildSchema, env);
}

/** Every setting, validated; throws a `ConfigError` naming the first bad variable. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return parse(serverSchema, env);
}
