import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { TEST_CONTENT, TEST_DIST } from './paths.ts';
import { cleanEnv } from './clean-env.ts';

export interface RunningServer {
  /** Origin of the server, e.g. `http://127.0.0.1:40123`. */
  url: string;
  process: ChildProcess;
  /** Everything the server printed, for assertions and for failure reports. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A TCP port that was free a moment ago, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the built standalone server (on `env.PORT`, or a free port) and waits until it answers. */
export async function startServer(env: Record<string, string> = {}, dist = TEST_DIST): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [path.join(dist, 'server', 'entry.mjs')], {
    // The content the test build was made from: what the server reads at run time (the schedule) matches it.
    env: cleanEnv({ HOST: '127.0.0.1', PORT: String(port), CONTENT_ROOT: TEST_CONTENT, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/robots.txt`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 15 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    process: child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A fresh, empty data folder for one server. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'sv-data-'));
}
