/** What the endpoint benches share: start a process on a free port, load it with autocannon, print a row. */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort } from '../../tests/support/server.ts';

export const seconds = Number(process.env.BENCH_SECONDS ?? 20);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

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
  `${name.padEnd(22)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   2xx ${r['2xx']}   non-2xx ${r.non2xx}   errors ${r.errors}`;
