import { inject } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../../src/server/storage/db.ts';
import { openDb } from '../../src/server/storage/open.ts';
import { createDatabase } from './postgres.ts';

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** Where a test's data lives: a fresh SQLite folder, or a fresh database on the test cluster. */
export async function freshStorage(engine: Engine): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sv-store-'));
  return engine === 'postgres' ? { dataDir, databaseUrl: await createDatabase(inject('postgresUrl')) } : { dataDir };
}

/** A fresh, migrated database of one engine; `close` closes it and removes the folder. */
export async function freshDb(engine: Engine): Promise<{ db: Db; close: () => Promise<void> }> {
  const storage = await freshStorage(engine);
  const db = await openDb(storage);
  return {
    db,
    close: async () => {
      await db.close();
      await rm(storage.dataDir, { recursive: true, force: true });
    },
  };
}
