/**
 * Load on the lead endpoint of the built server (run `npm run build` first): distinct
 * valid leads from 50 connections for BENCH_SECONDS (default 20), then the same load on a
 * bare node:http + node:sqlite floor. Prints req/s, latency, errors, and whether every
 * acknowledged lead is stored exactly once.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validLead } from '../tests/support/leads.ts';
import { start, load, row, seconds, connections } from './bench/harness.ts';

const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

/** How many leads are stored, and how many of the acknowledged ids are among them. */
function check(file: string, acknowledged: string[]) {
  const db = new DatabaseSync(file, { readOnly: true });
  const stored = Number((db.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n);
  const byId = db.prepare('SELECT COUNT(*) AS n FROM leads WHERE id = ?');
  const found = acknowledged.filter((id) => Number((byId.get(id) as { n: number }).n) === 1).length;
  db.close();
  return { stored, found };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sv-bench-'));
try {
  const site = await start([entry], { DATA_DIR: dir, LEADS_RATE_LIMIT: '1000000000', LEADS_MIN_FILL_SECONDS: '0' });
  const { token } = (await (await fetch(`${site.url}/api/leads/token`)).json()) as { token: string };
  const lead = (n: number) =>
    JSON.stringify(validLead({ startToken: token, idempotencyKey: randomBytes(16).toString('hex') }, n));
  const { result: ours, acknowledged } = await load(`${site.url}/api/leads`, lead);
  site.child.kill();
  const { stored, found } = check(path.join(dir, 'site.db'), acknowledged);

  const floor = await start(['scripts/bench/floor-server.ts'], { DATA_DIR: dir });
  const { result: bare } = await load(`${floor.url}/`, lead);
  floor.child.kill();

  console.log(`\nLead endpoint, ${connections} connections, ${seconds} s each, Node ${process.version}`);
  console.log(row('POST /api/leads', ours));
  console.log(row('bare http + sqlite', bare));
  console.log(`ratio to the floor: ${(ours.requests.average / bare.requests.average).toFixed(2)}`);
  console.log(
    `acknowledged ${acknowledged.length}, found stored exactly once: ${found} (${found === acknowledged.length ? 'all' : 'MISSING SOME'}); ` +
      `stored ${stored}, of which ${stored - found} were still in flight when the load stopped (committed, answer not read)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
