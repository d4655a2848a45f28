import pg from 'pg';
import { lockId, type Db, type Params, type Row } from './db.ts';

/** `:name` → `$1`, in order, with the values; `::type` casts are left alone. */
export function positional(sql: string, params: Params): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/(?<![:\w]):([a-zA-Z_]\w*)/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    let index = names.indexOf(name);
    if (index === -1) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, values: names.map((n) => params[n]) };
}

type Runner = pg.Pool | pg.PoolClient;

/**
 * PostgreSQL (DATABASE_URL), for several instances on one database: a pool of
 * connections; a transaction takes one of its own; advisory locks keep jobs single.
 */
export class PostgresDb implements Db {
  readonly engine = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, max = 10) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'segnalazione-vincente' });
    // An idle connection the server dropped must not crash the process; the next query opens another.
    this.pool.on('error', (error) => console.error(`[segnalazione] PostgreSQL connection lost: ${error.message}`));
  }

  all(sql: string, params: Params = {}): Promise<Row[]> {
    return query(this.pool, sql, params);
  }

  async get(sql: string, params: Params = {}): Promise<Row | undefined> {
    return (await query(this.pool, sql, params))[0];
  }

  async run(sql: string, params: Params = {}): Promise<number> {
    return count(this.pool, sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(this.on(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async lock(): Promise<void> {
    throw new Error('lock() is for a transaction');
  }

  async exclusive<T>(name: string, job: () => Promise<T>, { wait = false } = {}): Promise<T | null> {
    const client = await this.pool.connect();
    try {
      if (wait) await client.query('SELECT pg_advisory_lock($1)', [lockId(`job:${name}`)]);
      else {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS held', [lockId(`job:${name}`)]);
        if (!rows[0].held) return null;
      }
      try {
        return await job();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockId(`job:${name}`)]);
      }
    } finally {
      client.release();
    }
  }

  /** Autovacuum analyses in time on its own; after a bulk load (db:copy) this catches up at once. */
  async optimize(): Promise<void> {
    await this.pool.query('ANALYZE');
  }

  async wipe(): Promise<boolean> {
    // Deleted rows leave dead tuples until VACUUM; their space is reused, not zeroed (see docs/SECURITY.md).
    for (const table of ['leads', 'consents', 'comments', 'outbox']) await this.pool.query(`VACUUM ${table}`);
    return true;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** The same operations on one connection, inside its transaction. */
  private on(client: pg.PoolClient): Db {
    return {
      engine: 'postgres',
      all: (sql, params = {}) => query(client, sql, params),
      get: async (sql, params = {}) => (await query(client, sql, params))[0],
      run: (sql, params = {}) => count(client, sql, params),
      exec: async (sql) => void (await client.query(sql)),
      transaction: () => Promise.reject(new Error('no nested transactions')),
      lock: async (key) => void (await client.query('SELECT pg_advisory_xact_lock($1)', [lockId(key)])),
      exclusive: () => Promise.reject(new Error('no job inside a transaction')),
      wipe: async () => false,
      optimize: async () => {},
      close: async () => {},
    };
  }
}

async function query(runner: Runner, sql: string, params: Params): Promise<Row[]> {
  const { text, values } = positional(sql, params);
  return (await runner.query(text, values)).rows;
}

async function count(runner: Runner, sql: string, params: Params): Promise<number> {
  const { text, values } = positional(sql, params);
  return (await runner.query(text, values)).rowCount ?? 0;
}
