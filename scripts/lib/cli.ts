import type { DatabaseSync } from 'node:sqlite';
import { readSettings, ConfigError, type Settings } from '../../src/server/settings.ts';
import { openExistingDatabase } from '../../src/server/storage/database.ts';

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

/** The database of DATA_DIR; a folder without one ends the script naming it (no empty database is made). */
export function openExisting(dataDir: string): DatabaseSync {
  try {
    return openExistingDatabase(dataDir);
  } catch (error) {
    return fail((error as Error).message);
  }
}
