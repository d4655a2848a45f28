/**
 * Copies the database while the site runs (SQLite's online backup: consistent, no lock
 * held for long), then checks the copy:
 *   npm run backup [-- ./backups/site-2026-11-30.db]    (default: DATA_DIR/backups/site-<time>.db)
 */
import { backup, DatabaseSync } from 'node:sqlite';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SqliteDb } from '../src/server/storage/sqlite-db.ts';
import { cliSettings, fail, openExisting } from './lib/cli.ts';
import { describeDatabase } from './lib/database-file.ts';

const settings = cliSettings();
const target = path.resolve(
  process.argv[2] ??
    path.join(settings.DATA_DIR, 'backups', `site-${new Date().toISOString().replace(/[:.]/g, '-')}.db`),
);
mkdirSync(path.dirname(target), { recursive: true });
if (settings.DATABASE_URL) fail('With PostgreSQL, back up with pg_dump (docs/DEPLOY.md): this copies the SQLite file.');
const db = (await openExisting(settings)) as SqliteDb;
await backup(db.connection, target);
await db.close();
const copy = new DatabaseSync(target, { readOnly: true });
console.log(`backup: ${describeDatabase(copy)} → ${target} (${Math.ceil(statSync(target).size / 1024)} KB)`);
copy.close();
