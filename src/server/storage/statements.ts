import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Prepared statements, compiled once per SQL text: preparing on every call costs more than running. */
export class Statements {
  private readonly db: DatabaseSync;
  private readonly cache = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  get(sql: string): StatementSync {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/** What every SQLite store holds: the connection (for transactions) and its prepared statements. */
export abstract class SqliteStore {
  protected readonly db: DatabaseSync;
  protected readonly sql: Statements;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.sql = new Statements(db);
  }
}
