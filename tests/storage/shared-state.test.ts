import { describe, it, expect, afterEach } from 'vitest';
import { inject } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { openDb } from '../../src/server/storage/open.ts';
import { SharedRateLimiter, forgetOldWindows } from '../../src/server/http/rate-limiter.ts';
import { positional } from '../../src/server/storage/postgres-db.ts';
import { createDatabase } from '../support/postgres.ts';
import { freshDb } from '../support/engines.ts';

/* What several instances share through PostgreSQL: the schema, the limits, the jobs. */
const closing: Db[] = [];
afterEach(async () => {
  for (const db of closing.splice(0)) await db.close();
});

async function instances(count: number): Promise<Db[]> {
  const url = await createDatabase(inject('postgresUrl'));
  const dbs = await Promise.all(
    Array.from({ length: count }, () => openDb({ dataDir: '/nonexistent', databaseUrl: url })),
  );
  closing.push(...dbs);
  return dbs;
}

describe('several instances on one PostgreSQL database', () => {
  it('migrate together without racing: each migration applied once', async () => {
    const dbs = await instances(4);
    const versions = await dbs[0].all('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  it('count one limit together: 100 hits from two instances at once are 100, and the 6th of a client waits', async () => {
    const [a, b] = await instances(2);
    const secret = Buffer.alloc(32, 1);
    const limitA = new SharedRateLimiter(a, 'leads', 1000, 600, secret);
    const limitB = new SharedRateLimiter(b, 'leads', 1000, 600, secret);
    const now = Date.parse('2026-11-30T10:00:00Z');
    await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? limitA : limitB).hit('127.0.0.1', now)));
    const row = await a.get('SELECT hits, client FROM rate_limits');
    expect(Number(row?.hits)).toBe(100);
    // No address is stored, only a keyed digest of it.
    expect(String(row?.client)).not.toContain('127.0.0.1');

    const small = [
      new SharedRateLimiter(a, 'sign-in', 5, 900, secret),
      new SharedRateLimiter(b, 'sign-in', 5, 900, secret),
    ];
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await small[i % 2].hit('203.0.113.9', now));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThan(0);
    expect(await small[0].blocked('203.0.113.9', now)).toBeGreaterThan(0);
    expect(await small[1].blocked('198.51.100.1', now)).toBe(0);
    expect(await forgetOldWindows(a, new Date(now + 2 * 86_400_000))).toBe(2);
  });

  it('run a daily job on one instance at a time', async () => {
    const [a, b] = await instances(2);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = a.exclusive('retention', async () => {
      await held;
      return 'a';
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await b.exclusive('retention', async () => 'b')).toBeNull();
    release();
    expect(await first).toBe('a');
    expect(await b.exclusive('retention', async () => 'b')).toBe('b');
  });

  it('rejects a transaction that fails, leaving nothing behind', async () => {
    const [db] = await instances(1);
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('a', '1')");
        throw new Error('a metà');
      }),
    ).rejects.toThrow('a metà');
    expect(await db.get("SELECT value FROM settings WHERE key = 'a'")).toBeUndefined();
  });
});

describe('SQL written once for both engines', () => {
  it('turns named parameters into positional ones, each name once, casts left alone', () => {
    expect(positional('SELECT :a::text, :b, :a FROM t WHERE x = :b', { a: 1, b: 'due' })).toEqual({
      text: 'SELECT $1::text, $2, $1 FROM t WHERE x = $2',
      values: [1, 'due'],
    });
    expect(() => positional('SELECT :missing', {})).toThrow('SQL parameter :missing has no value');
  });

  it('keeps SQLite statements in order while a transaction awaits', async () => {
    const { db, close } = await freshDb('sqlite');
    try {
      let inside!: () => void;
      const waiting = new Promise<void>((resolve) => (inside = resolve));
      const tx = db.transaction(async (t) => {
        await t.run("INSERT INTO settings (key, value) VALUES ('tx', '1')");
        await waiting;
      });
      // Queued behind the open transaction: it must not land inside it, nor see its row before it commits.
      const outside = db.get("SELECT value FROM settings WHERE key = 'tx'");
      inside();
      await tx;
      expect(await outside).toEqual({ value: '1' });
    } finally {
      await close();
    }
  });
});
