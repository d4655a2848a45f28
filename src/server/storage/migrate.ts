import { num, type Db } from './db.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

/**
 * Applies the migrations not yet applied, each in its own transaction, and returns their
 * versions. Two instances starting together take turns (PostgreSQL: an advisory lock held
 * for the whole run), so neither races the other into "already exists".
 */
export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  const applied =
    (await db.exclusive(
      'migrations',
      async () => {
        await db.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
        );
        const done = new Set((await db.all('SELECT version FROM schema_migrations')).map((r) => num(r.version)));
        const now: number[] = [];
        for (const m of migrations) {
          if (done.has(m.version)) continue;
          await db.transaction(async (tx) => {
            const sql = db.engine === 'postgres' ? m.postgres : m.sqlite;
            if (sql.trim()) await tx.exec(sql);
            await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :at)', {
              version: m.version,
              name: m.name,
              at: new Date().toISOString(),
            });
          });
          now.push(m.version);
        }
        return now;
      },
      { wait: true },
    )) ?? [];
  return applied;
}
