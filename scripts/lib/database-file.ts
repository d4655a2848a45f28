import type { DatabaseSync } from 'node:sqlite';

/**
 * A database file's health and contents in one line ("42 leads, 7 comments"), or an
 * error when SQLite finds it damaged: a backup is checked before it is trusted.
 */
export function describeDatabase(db: DatabaseSync): string {
  const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  if (check.integrity_check !== 'ok') throw new Error(`the database is damaged: ${check.integrity_check}`);
  const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
  return `${count('leads')} leads, ${count('comments')} comments, ${count('outbox')} notifications`;
}
