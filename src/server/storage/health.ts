import type { Db } from './db.ts';

/**
 * Whether the database takes a write right now: one small committed write (a full disk,
 * a read-only volume, a lost PostgreSQL server fail it), the same path a lead takes.
 */
export async function databaseWritable(db: Db, now = new Date()): Promise<boolean> {
  try {
    await db.transaction((tx) =>
      tx.run(
        `INSERT INTO settings (key, value) VALUES ('health-check', :now)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        { now: now.toISOString() },
      ),
    );
    return true;
  } catch {
    return false;
  }
}
