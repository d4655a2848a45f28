/** What the endpoint benches share: start a process on a free port, load it with autocannon, print a row. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../tests/support/server.ts';
import { startCluster, createDatabase } from '../../tests/support/postgres.ts';
import { openDb } from '../../src/server/storage/open.ts';
import { num } from '../../src/server/storage/db.ts';

export const seconds = Number(process.env.BENCH_SECONDS ?? 20);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** `sqlite,postgres` by default: the stores to bench. */
export const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');

export async function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
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

/** POSTs a fresh JSON body per request for `seconds`; returns autocannon's result and the ids acknowledged. */
export async function load(url: string, body: (n: number) => string) {
  let n = 0;
  const acknowledged: string[] = [];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: new URL(url).origin },
        setupRequest: (req) => ({ ...req, body: body(n++) }),
        onResponse: (status, resBody) => {
          if (status >= 200 && status < 300) acknowledged.push(String(JSON.parse(resBody).id));
        },
      },
    ],
  });
  return { result, acknowledged };
}

export const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(24)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors}`;

export interface EndpointBench {
  /** "Lead endpoint", "Comment endpoint". */
  title: string;
  path: string;
  /** The table the endpoint writes to, to count what was stored. */
  table: 'leads' | 'comments';
  /** Settings that let one client send as fast as it can. */
  env: Record<string, string>;
  /** Called with the running server's URL: returns the body of request n (each one distinct). */
  prepare: (url: string) => Promise<(n: number) => string>;
}

/**
 * For each store (SQLite, then PostgreSQL on a throwaway cluster): loads an endpoint of
 * the built server, then the bare floor of that store with the same bodies, and prints
 * req/s, latency, the ratio, and whether every acknowledged id is stored exactly once.
 */
export async function benchEndpoint(bench: EndpointBench): Promise<void> {
  const entry = path.resolve('dist/server/entry.mjs');
  if (!existsSync(entry)) {
    console.error('No build found: run `npm run build` first.');
    process.exit(1);
  }
  const cluster = engines.includes('postgres') ? startCluster() : null;
  try {
    for (const engine of engines) {
      const dir = mkdtempSync(path.join(tmpdir(), 'sv-bench-'));
      try {
        const storage = {
          DATA_DIR: dir,
          ...(cluster && engine === 'postgres' && { DATABASE_URL: await createDatabase(cluster.url()) }),
        };
        const site = await start([entry], { ...storage, ...bench.env });
        const body = await bench.prepare(site.url);
        const { result: ours, acknowledged } = await load(site.url + bench.path, body);
        site.child.kill();
        const db = await openDb({ dataDir: dir, databaseUrl: storage.DATABASE_URL });
        const stored = num((await db.get(`SELECT COUNT(*) AS n FROM ${bench.table}`))?.n);
        let found = 0;
        for (const id of acknowledged)
          if (
            num(
              (
                await db.get(`SELECT COUNT(*) AS n FROM ${bench.table} WHERE id = :id`, {
                  id: bench.table === 'comments' ? Number(id) : id,
                })
              )?.n,
            ) === 1
          )
            found++;
        await db.close();

        const floor = await start(['scripts/bench/floor-server.ts'], {
          DATA_DIR: dir,
          ...(storage.DATABASE_URL && { DATABASE_URL: await createDatabase(cluster!.url()) }),
        });
        const { result: bare } = await load(`${floor.url}/`, body);
        floor.child.kill();

        console.log(
          `\n${bench.title} on ${engine}, ${connections} connections, ${seconds} s each, Node ${process.version}`,
        );
        console.log(row(`POST ${bench.path}`, ours));
        console.log(row(`bare http + ${engine}`, bare));
        console.log(`ratio to the floor: ${(ours.requests.average / bare.requests.average).toFixed(2)}`);
        console.log(
          `acknowledged ${acknowledged.length}, found stored exactly once: ${found} (${found === acknowledged.length ? 'all' : 'MISSING SOME'}); ` +
            `stored ${stored}, of which ${stored - found} were still in flight when the load stopped (committed, answer not read)`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    cluster?.stop();
  }
}
