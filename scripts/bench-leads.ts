/**
 * Load on the lead endpoint of the built server (run `npm run build` first): distinct
 * valid leads from 50 connections for BENCH_SECONDS (default 20), then the same load on a
 * bare node:http + node:sqlite floor. Prints req/s, latency, errors, and whether every
 * acknowledged lead is stored exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../tests/support/server.ts';
import { validLead } from '../tests/support/leads.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const entry = path.resolve('dist/server/entry.mjs');
if (!existsSync(entry)) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

async function start(args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { method: 'HEAD' });
      return { url, child };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${args.join(' ')} did not start`);
}

async function load(url: string, path: string, body: (n: number) => string) {
  let n = 0;
  const acknowledged: string[] = [];
  const result = await autocannon({
    url: url + path,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        setupRequest: (req) => ({ ...req, body: body(n++) }),
        onResponse: (status, resBody) => {
          if (status >= 200 && status < 300) acknowledged.push(JSON.parse(resBody).id);
        },
      },
    ],
  });
  return { result, acknowledged };
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
  const { result: ours, acknowledged } = await load(site.url, '/api/leads', lead);
  site.child.kill();
  const { stored, found } = check(path.join(dir, 'site.db'), acknowledged);

  const floor = await start(['scripts/bench/floor-server.ts'], { DATA_DIR: dir });
  const { result: bare } = await load(floor.url, '/', lead);
  floor.child.kill();

  const row = (name: string, r: autocannon.Result) =>
    `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors}`;
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
