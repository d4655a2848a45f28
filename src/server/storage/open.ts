import path from 'node:path';
import type { Db } from './db.ts';
import { SqliteDb } from './sqlite-db.ts';
import { PostgresDb } from './postgres-db.ts';
import { migrate } from './migrate.ts';

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else the SQLite file in DATA_DIR. */
export interface StorageSettings {
  databaseUrl?: string;
  dataDir: string;
}

/** Opens the database and brings its schema up to date. */
export async function openDb(settings: StorageSettings): Promise<Db> {
  const db = settings.databaseUrl ? new PostgresDb(settings.databaseUrl) : new SqliteDb(settings.dataDir);
  try {
    await migrate(db);
    await db.optimize();
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

/** Where a deployment keeps its data, in words for logs and errors (never the password of a URL). */
export function describeStorage(settings: StorageSettings): string {
  if (!settings.databaseUrl) return `SQLite in ${path.resolve(settings.dataDir)}`;
  const url = new URL(settings.databaseUrl);
  return `PostgreSQL ${url.hostname || url.searchParams.get('host') || 'localhost'}${url.pathname}`;
}
