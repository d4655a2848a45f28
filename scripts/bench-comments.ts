/**
 * Load on the comment endpoint of the built server (run `npm run build` first): distinct
 * valid comments (each from a new reader, so each is held for moderation) from 50
 * connections for BENCH_SECONDS, then the same load on the bare floor.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start, load, row, seconds, connections } from './bench/harness.ts';

const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'sv-bench-'));
try {
  const site = await start([entry], {
    DATA_DIR: dir,
    COMMENTS_RATE_LIMIT: '1000000000',
    COMMENTS_FLOOD_SECONDS: '0',
    LEADS_MIN_FILL_SECONDS: '0',
  });
  const page = await (await fetch(`${site.url}/blog/definizione-di-networking/commenti/`)).text();
  const token = /name="start_token" value="([^"]+)"/.exec(page)![1];
  const comment = (n: number) =>
    JSON.stringify({
      articolo: 'definizione-di-networking',
      nome: `Lettore ${n}`,
      email: `lettore.${n}@example.it`,
      commento: `Commento di carico numero ${n}: il networking va coltivato come un campo.`,
      privacy_version: '2026-11-29',
      start_token: token,
    });
  const { result: ours, acknowledged } = await load(`${site.url}/api/comments`, comment);
  site.child.kill();
  const db = new DatabaseSync(path.join(dir, 'site.db'), { readOnly: true });
  const stored = Number((db.prepare('SELECT COUNT(*) AS n FROM comments').get() as { n: number }).n);
  const byId = db.prepare('SELECT COUNT(*) AS n FROM comments WHERE id = ?');
  const found = acknowledged.filter((id) => Number((byId.get(Number(id)) as { n: number }).n) === 1).length;
  db.close();

  const floor = await start(['scripts/bench/floor-server.ts'], { DATA_DIR: dir });
  const { result: bare } = await load(`${floor.url}/`, comment);
  floor.child.kill();

  console.log(`\nComment endpoint, ${connections} connections, ${seconds} s each, Node ${process.version}`);
  console.log(row('POST /api/comments', ours));
  console.log(row('bare http + sqlite', bare));
  console.log(`ratio to the floor: ${(ours.requests.average / bare.requests.average).toFixed(2)}`);
  console.log(
    `acknowledged ${acknowledged.length}, found stored exactly once: ${found} (${found === acknowledged.length ? 'all' : 'MISSING SOME'}); stored ${stored}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
