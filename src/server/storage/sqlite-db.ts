import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db, Params, Row } from './db.ts';

interface PendingTransaction {
  work: (tx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded database: one SQLite file in `dataDir`. WAL so readers never block the
 * writer, foreign keys on, a busy timeout instead of instant "database is locked"
 * errors, `synchronous = FULL` so a committed lead survives a power cut, and
 * `secure_delete` so erased personal data is overwritten, not left in free pages.
 *
 * node:sqlite is synchronous and the process has one connection, so work is queued:
 * while a transaction is open (its work may await), no other statement runs on the
 * connection, or it would land inside that transaction.
 */
export class SqliteDb implements Db {
  readonly engine = 'sqlite' as const;
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private queue: Promise<unknown> = Promise.resolve();
  private open = 0;
  /** Transactions waiting to be committed together (see `transaction`). */
  private gathering: PendingTransaction[] | null = null;

  constructor(dataDir: string, file = 'site.db') {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, file);
    this.db = new DatabaseSync(this.file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;
      PRAGMA secure_delete = ON;
    `);
  }

  /** SQLite's own advice for long-lived connections: analyse only the tables whose statistics are stale. */
  optimize(): Promise<void> {
    return this.queued(() => {
      this.db.exec('PRAGMA optimize = 0x10002');
    });
  }

  /** Opens the database of an existing `dataDir` only: a mistyped folder is an error naming it, never a new empty database. */
  static existing(dataDir: string): SqliteDb {
    if (!existsSync(path.join(dataDir, 'site.db')))
      throw new Error(`No database in ${path.resolve(dataDir)} (DATA_DIR): is the folder right?`);
    return new SqliteDb(dataDir);
  }

  /** The connection itself, for what only SQLite has (the online backup). */
  get connection(): DatabaseSync {
    return this.db;
  }

  all(sql: string, params: Params = {}): Promise<Row[]> {
    return this.queued(() => this.direct.all(sql, params));
  }

  get(sql: string, params: Params = {}): Promise<Row | undefined> {
    return this.queued(() => this.direct.get(sql, params));
  }

  run(sql: string, params: Params = {}): Promise<number> {
    return this.queued(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.queued(() => this.db.exec(sql));
  }

  /**
   * Group commit: transactions asked for while one waits its turn run together, each in
   * a savepoint of one SQLite transaction, committed (and synced to disk) once. Each still
   * resolves only after that commit, and one that throws undoes only its own savepoint.
   * Under load, many leads share one fsync instead of each paying for its own.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item = { work, resolve, reject } as PendingTransaction;
      if (this.gathering) {
        this.gathering.push(item);
        return;
      }
      const group = (this.gathering = [item]);
      void this.queued(async () => {
        // Let the transactions of requests already under way join this group.
        await new Promise((r) => setImmediate(r));
        this.gathering = null;
        await this.commitGroup(group);
      });
    });
  }

  private async commitGroup(group: PendingTransaction[]): Promise<void> {
    const db = this.db;
    const tx = this.inTransaction();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      for (const [i, item] of group.entries()) {
        db.exec(`SAVEPOINT t${i}`);
        try {
          outcomes.push({ ok: true, value: await item.work(tx) });
          db.exec(`RELEASE t${i}`);
        } catch (error) {
          db.exec(`ROLLBACK TO t${i}`);
          db.exec(`RELEASE t${i}`);
          outcomes.push({ ok: false, error });
        }
      }
      db.exec('COMMIT');
    } catch (error) {
      // Nothing of the group is stored (a full disk fails the COMMIT; SQLite may have rolled back already).
      if (db.isTransaction) db.exec('ROLLBACK');
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  async lock(): Promise<void> {
    // Transactions are serial in this process already.
  }

  async exclusive<T>(_name: string, job: () => Promise<T>): Promise<T> {
    return job();
  }

  wipe(): Promise<boolean> {
    return this.queued(() => {
      const result = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
      return result?.busy === 0;
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    if (this.db.isOpen) this.db.close();
  }

  /** Statements run at once, for a transaction's own work. */
  private readonly direct = {
    all: (sql: string, params: Params) => this.statement(sql).all(params) as Row[],
    get: (sql: string, params: Params) => this.statement(sql).get(params) as Row | undefined,
    run: (sql: string, params: Params) => Number(this.statement(sql).run(params).changes),
  };

  private inTransaction(): Db {
    const { direct } = this;
    return {
      engine: 'sqlite',
      all: async (sql, params = {}) => direct.all(sql, params),
      get: async (sql, params = {}) => direct.get(sql, params),
      run: async (sql, params = {}) => direct.run(sql, params),
      exec: async (sql) => this.db.exec(sql),
      transaction: () => Promise.reject(new Error('no nested transactions')),
      lock: async () => {},
      exclusive: async (_name, job) => job(),
      wipe: async () => false,
      optimize: async () => {},
      close: async () => {},
    };
  }

  /** Prepared once per SQL text: preparing on every call costs more than running. */
  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** Runs `work` after everything queued before it; when nothing is queued, at once. */
  private queued<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.open === 0) {
      // The common case, a statement with no transaction open: no hop through the queue.
      try {
        const result = work();
        if (!(result instanceof Promise)) return Promise.resolve(result);
        return this.track(result);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const next = this.queue.then(work, work);
    return this.track(next);
  }

  private track<T>(running: Promise<T>): Promise<T> {
    this.open++;
    const settled = running.finally(() => this.open--);
    this.queue = settled.catch(() => {});
    return settled;
  }
}
