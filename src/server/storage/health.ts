import type { DatabaseSync } from 'node:sqlite';
import { transaction } from './database.ts';

/**
 * Whether the database takes a write right now: one small committed write (a full disk,
 * a read-only volume or a locked file fail it), the same path a lead takes.
 */
export function databaseWritable(db: DatabaseSync, now = new Date()): boolean {
  try {
    transaction(db, () => {
      db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('health-check', ?)").run(now.toISOString());
    });
    return true;
  } catch {
    return false;
  }
}
