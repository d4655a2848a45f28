import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:tls';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server.ts';

/** The host name the proxy serves; browsers and clients map it to 127.0.0.1. */
export const PROXY_HOST = 'sv.test';

export interface RunningProxy {
  /** `https://sv.test:<port>` */
  origin: string;
  port: number;
  stop: () => Promise<void>;
}

/** Debian's Caddy, or a clear failure saying how to get it. */
export function caddyPath(): string {
  const found = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('Caddy not found: install it (apt-get install -y caddy)');
  return 'caddy';
}

/**
 * A real Caddy in front of `upstreams` (`127.0.0.1:<port>`, one or several: then it takes
 * them in turn), terminating TLS with its own local CA (`tls internal`) and setting
 * X-Forwarded-For/-Proto/-Host, as in production.
 */
export async function startCaddy(upstreams: string | string[]): Promise<RunningProxy> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sv-caddy-'));
  const [port, httpPort] = [await freePort(), await freePort()];
  const config = path.join(dir, 'Caddyfile');
  await writeFile(
    config,
    `{
	admin off
	skip_install_trust
	storage file_system ${dir}/data
	http_port ${httpPort}
	https_port ${port}
	auto_https disable_redirects
}
${PROXY_HOST}:${port} {
	tls internal
	reverse_proxy ${[upstreams].flat().join(' ')} {
		lb_policy round_robin
		fail_duration 2s
	}
}
`,
  );
  const child = spawn(caddyPath(), ['run', '--config', config, '--adapter', 'caddyfile'], {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (c) => (log += c));
  const deadline = Date.now() + 15_000;
  while (!(await tlsAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`caddy exited with ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) throw new Error(`caddy did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin: `https://${PROXY_HOST}:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Whether a TLS handshake for the proxy's host name succeeds (its certificate is issued). */
function tlsAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, servername: PROXY_HOST, rejectUnauthorized: false }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
