/**
 * Copies the embedded SQLite database (DATA_DIR) to PostgreSQL, to move a deployment up
 * to several instances (docs/DEPLOY.md):
 *   npm run db:copy -- --to "$DATABASE_URL" [--force]
 * The target's schema is created (or brought up to date) first. A target that already
 * holds data is refused unless --force: then rows already there are kept, the others
 * added, so running it again copies nothing twice. Every table's rows are counted on
 * both sides at the end; a difference is an error.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SqliteDb } from '../src/server/storage/sqlite-db.ts';
import { openDb } from '../src/server/storage/open.ts';
import { num, type Db, type Params } from '../src/server/storage/db.ts';
import { cliSettings, fail } from './lib/cli.ts';

/** In dependency order: parents before the rows that point at them. */
const TABLES = [
  'settings',
  'accounts',
  'leads',
  'consents',
  'lead_events',
  'comments',
  'outbox',
  'sessions',
  'privacy_log',
  'audit_log',
  'daily_summaries',
  'funnel_counts',
] as const;
const KEYS: Record<(typeof TABLES)[number], string> = {
  settings: 'key',
  accounts: 'email',
  leads: 'id',
  consents: 'id',
  lead_events: 'id',
  comments: 'id',
  outbox: 'id',
  sessions: 'token_hash',
  privacy_log: 'id',
  audit_log: 'id',
  daily_summaries: 'email, day',
  funnel_counts: 'day, quiz_id, quiz_version, event, source, campaign',
};
/** Tables whose ids PostgreSQL generates: its sequence must continue after the copied ids. */
const IDENTITY = ['consents', 'lead_events', 'comments', 'outbox', 'privacy_log', 'audit_log'];

const { values } = parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean', default: false } } });
const settings = cliSettings();
if (!values.to || !/^postgres(ql)?:\/\//.test(values.to))
  fail('Give the PostgreSQL database to copy to: npm run db:copy -- --to "postgres://user:password@host/db"');
if (!existsSync(path.join(settings.DATA_DIR, 'site.db')))
  fail(`No database in ${path.resolve(settings.DATA_DIR)} (DATA_DIR): nothing to copy.`);

const source = new SqliteDb(settings.DATA_DIR);
let target: Db;
try {
  target = await openDb({ dataDir: settings.DATA_DIR, databaseUrl: values.to });
} catch (error) {
  fail(`Cannot open the target database: ${(error as Error).message}`);
}
const count = async (db: Db, table: string) => num((await db.get(`SELECT COUNT(*) AS n FROM ${table}`))?.n);
const quoted = (column: string) => (column === 'user' ? '"user"' : column);

const existing = (await Promise.all(TABLES.filter((t) => t !== 'settings').map((t) => count(target, t)))).reduce(
  (a, b) => a + b,
);
if (existing > 0 && !values.force)
  fail(`The target already holds ${existing} rows: run again with --force to add only what it lacks.`);

for (const table of TABLES) {
  const rows = await source.all(`SELECT * FROM ${table} ORDER BY ${KEYS[table]}`);
  await target.transaction(async (tx) => {
    for (const row of rows) {
      const columns = Object.keys(row);
      await tx.run(
        `INSERT INTO ${table} (${columns.map(quoted).join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})
         ON CONFLICT (${KEYS[table]}) DO NOTHING`,
        row as Params,
      );
    }
    if (IDENTITY.includes(table))
      await tx.get(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${table}), false)`,
      );
  });
}

let mismatch = false;
for (const table of TABLES) {
  const [from, to] = [await count(source, table), await count(target, table)];
  // The target may hold more (rows of its own before a --force copy), never fewer.
  if (to < from) mismatch = true;
  console.log(`${table.padEnd(12)} ${String(from).padStart(7)} in SQLite, ${String(to).padStart(7)} in PostgreSQL`);
}
await source.close();
await target.close();
if (mismatch) fail('Some rows did not arrive: nothing was deleted; look at the counts above and run again.');
console.log('db:copy: every row is in PostgreSQL. Set DATABASE_URL and restart the site to use it.');
