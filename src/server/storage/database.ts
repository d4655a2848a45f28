import { DatabaseSync } from 'node:sqlite';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations.ts';

/**
 * Opens (creating if needed) the SQLite database in `dataDir`: WAL so readers never
 * block the writer, foreign keys on, a busy timeout instead of instant "database is
 * locked" errors, `synchronous = FULL` so a committed lead survives a power cut, and
 * `secure_delete` so erased personal data is overwritten, not left in free pages.
 */
export function openDatabase(dataDir: string, file = 'site.db'): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, file));
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA foreign_keys = ON;
    PRAGMA busy_timeout = 5000;
    PRAGMA secure_delete = ON;
  `);
  migrate(db);
  return db;
}

/**
 * Opens the database of an existing `dataDir`, for the command-line tools: a mistyped
 * folder is an error naming it, never a new empty database that seems to hold no leads.
 */
export function openExistingDatabase(dataDir: string): DatabaseSync {
  if (!existsSync(path.join(dataDir, 'site.db')))
    throw new Error(`No database in ${path.resolve(dataDir)} (DATA_DIR): is the folder right?`);
  return openDatabase(dataDir);
}

/** Applies the migrations not yet applied, each in its own transaction. Returns the versions applied. */
export function migrate(db: DatabaseSync): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((r) => Number(r.version)),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    transaction(db, () => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    });
    applied.push(m.version);
  }
  return applied;
}

/** Runs `work` in one transaction (IMMEDIATE: the write lock is taken up front), rolled back on error. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may have rolled back already (a full disk fails the COMMIT): the real error is `error`.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Stores something at most once per idempotency key: in one transaction, returns what the
 * key already holds, or writes it. Concurrent requests with one key cannot both write.
 */
export function insertOnce<T>(
  db: DatabaseSync,
  existing: () => T | null,
  write: () => T,
): { created: boolean; value: T } {
  return transaction(db, () => {
    const found = existing();
    return found ? { created: false, value: found } : { created: true, value: write() };
  });
}
