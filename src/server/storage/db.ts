/**
 * The database every store talks to, the same for the embedded SQLite file and for
 * PostgreSQL: SQL with named parameters (`:name`), written once for both engines except
 * where a line says otherwise, and asynchronous (PostgreSQL answers over the network).
 * Stores take a `Db`; `openDb` (storage/open.ts) chooses the engine from DATABASE_URL.
 */
export type Row = Record<string, unknown>;
export type Params = Record<string, string | number | null>;

export interface Db {
  readonly engine: 'sqlite' | 'postgres';
  all(sql: string, params?: Params): Promise<Row[]>;
  get(sql: string, params?: Params): Promise<Row | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: Params): Promise<number>;
  /** Runs several statements without parameters (a migration's DDL). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction, committed when it resolves and rolled back when it
   * throws. SQLite: one at a time in the process (`BEGIN IMMEDIATE`, nothing else runs on
   * the connection meanwhile); PostgreSQL: on a connection of its own.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction, makes transactions that take the same `key` wait for each other
   * (PostgreSQL: an advisory lock released at commit; SQLite: transactions are serial already).
   */
  lock(key: string): Promise<void>;
  /**
   * Runs a job that must not run on two instances at once (retention, a daily summary):
   * null, without running it, when another instance holds it (PostgreSQL: an advisory lock).
   * With `wait`, it waits for the other instance instead (migrations at start-up).
   */
  exclusive<T>(name: string, job: () => Promise<T>, options?: { wait: boolean }): Promise<T | null>;
  /**
   * After an erasure, makes sure the erased bytes are gone from the engine's own files: false
   * while that cannot be done yet (SQLite: a reader still holds the WAL's pages).
   */
  wipe(): Promise<boolean>;
  /**
   * Refreshes the query planner's statistics where they are stale (at start-up and daily):
   * without them SQLite reads every open lead for the team's follow-up list.
   */
  optimize(): Promise<void>;
  close(): Promise<void>;
}

/** A number from a row: PostgreSQL returns counts (bigint) as strings. */
export const num = (value: unknown): number => Number(value ?? 0);

/** A text column that may be NULL. */
export const optional = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

/** A stable number for a text key, for PostgreSQL's advisory locks (which take a bigint). */
export function lockId(key: string): number {
  let hash = 0;
  for (const ch of key) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) | 0;
  return hash;
}
