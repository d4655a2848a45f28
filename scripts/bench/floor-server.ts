/**
 * The bare floor for the lead bench: node:http + node:sqlite, one INSERT per request,
 * no validation, same durability settings as the site's database. Whatever the real
 * endpoint costs above this is validation, scoring, spam checks and the outbox.
 */
import { createServer } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';

const db = new DatabaseSync(path.join(process.env.DATA_DIR ?? '.', 'floor.db'));
db.exec(
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE IF NOT EXISTS leads (id INTEGER PRIMARY KEY, body TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO leads (body) VALUES (?)');

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { lastInsertRowid } = insert.run(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: String(lastInsertRowid) }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor ready'));
