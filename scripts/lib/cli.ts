import { existsSync } from 'node:fs';
import path from 'node:path';
import { readSettings, ConfigError, type Settings } from '../../src/server/settings.ts';
import { openDb } from '../../src/server/storage/open.ts';
import type { Db } from '../../src/server/storage/db.ts';

/** Ends a CLI script with a message for the person who ran it (exit 2: their input or setting). */
export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The deployment's settings for a CLI script; a bad one ends the script with its name. */
export function cliSettings(): Settings {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(error.message);
  }
}

/**
 * The deployment's database (PostgreSQL at DATABASE_URL, else SQLite in DATA_DIR). A
 * DATA_DIR without a database ends the script naming the folder: a mistyped path must
 * never become a new, empty database that seems to hold no leads.
 */
export async function openExisting(settings: Settings): Promise<Db> {
  if (!settings.DATABASE_URL && !existsSync(path.join(settings.DATA_DIR, 'site.db')))
    fail(`No database in ${path.resolve(settings.DATA_DIR)} (DATA_DIR): is the folder right?`);
  try {
    return await openDb({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
  } catch (error) {
    return fail(`Cannot open the database: ${(error as Error).message}`);
  }
}
