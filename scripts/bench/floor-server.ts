/**
 * The bare floor for the endpoint benches: node:http and one INSERT per request, no
 * validation, with the site's storage settings: node:sqlite in DATA_DIR (WAL,
 * synchronous = FULL), or PostgreSQL at DATABASE_URL (a pool of 10, as the site's).
 * Whatever the real endpoint costs above this is Astro's pipeline, validation, scoring,
 * spam checks and the outbox.
 */
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import pg from 'pg';

type Insert = (body: string) => Promise<string>;

async function storage(): Promise<Insert> {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    await pool.query('CREATE TABLE IF NOT EXISTS floor (id SERIAL PRIMARY KEY, body TEXT NOT NULL)');
    return async (body) =>
      String((await pool.query('INSERT INTO floor (body) VALUES ($1) RETURNING id', [body])).rows[0].id);
  }
  const db = new DatabaseSync(path.join(process.env.DATA_DIR ?? '.', 'floor.db'));
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL)',
  );
  const insert = db.prepare('INSERT INTO floor (body) VALUES (?)');
  return async (body) => String(insert.run(body).lastInsertRowid);
}

const insert = await storage();
createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const id = await insert(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
