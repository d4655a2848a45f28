import { spawn } from 'node:child_process';
import path from 'node:path';
import { cleanEnv } from './clean-env.ts';
import { eventually } from './leads.ts';
import { freePort } from './server.ts';
import { ROOT } from './paths.ts';

export interface RunningSupervisor {
  url: string;
  /** Everything the supervisor and its servers printed so far (builds included). */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * `npm start`'s supervisor (scripts/start.ts) on a free port, checking for due publications every half second,
 * once its first page answers. `env` names the data, content and releases folders (and any other setting).
 */
export async function startSupervisor(env: Record<string, string>): Promise<RunningSupervisor> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    env: cleanEnv({
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLISH_CHECK_SECONDS: '0.5',
      SITE_URL: 'https://www.segnalazionevincente.com',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => (log += c));
  child.stderr?.on('data', (c) => (log += c));
  await eventually(async () => (await fetch(`${url}/`).catch(() => null))?.ok === true, 20_000, 'the site');
  const stop = async () => {
    if (child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  };
  return { url, log: () => log, stop };
}
