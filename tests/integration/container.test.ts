import { describe, it, expect, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chown, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort, tempDataDir } from '../support/server.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { eventually } from '../support/leads.ts';
import { caddyPath } from '../support/caddy.ts';
import { releasesFromTestBuild } from '../support/releases.ts';
import { ROOT, TEST_BUILD } from '../support/paths.ts';

/*
 * No container engine runs here, so the recipe is checked piece by piece: the Caddyfile by
 * Caddy itself, the compose file's wiring, and the Dockerfile's own start and health-check
 * commands run as an unprivileged user, as the image runs them.
 */
const dockerfile = await readFile(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');
const compose = parse(await readFile(path.join(ROOT, 'deploy/compose.yaml'), 'utf8'));
const stage = (name: string) => dockerfile.split(/^FROM /m).find((s) => new RegExp(` AS ${name}\\n`).test(s)) ?? '';
/** The exec form (`["node", …]`) of the runtime's CMD, or of HEALTHCHECK's own CMD. */
const command = (instruction: 'CMD' | 'HEALTHCHECK'): string[] =>
  JSON.parse(new RegExp(`^${instruction} (?:.*? CMD )?(\\[.*\\])$`, 'm').exec(dockerfile.replace(/\\\n\s*/g, ''))![1]);

describe('the container recipe', () => {
  it('has a Caddyfile that Caddy accepts', () => {
    const result = spawnSync(
      caddyPath(),
      ['validate', '--config', path.join(ROOT, 'deploy/Caddyfile'), '--adapter', 'caddyfile'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stderr).toBe(0);
  });

  it('builds in stages, and runs without dev dependencies as a non-root user with its data on a volume', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24/m);
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\} AS deps$/m);
    expect(stage('deps')).toContain('npm ci --omit=dev');
    // The runtime is the build, which is the production-only install plus the first release.
    expect(dockerfile).toMatch(/^FROM deps AS build$/m);
    expect(dockerfile).toMatch(/^FROM build AS runtime$/m);
    expect(stage('build')).toMatch(/node scripts\/build\.ts --force/);
    expect(stage('build')).toContain('ASTRO_TELEMETRY_DISABLED=1');
    const runtime = stage('runtime');
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^VOLUME \/data$/m);
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
    expect(runtime).not.toMatch(/npm (ci|install)(?!.*--omit=dev)/);
    // The web editor commits with git: installed (as root, before the switch to the unprivileged user).
    expect(runtime.indexOf('apt-get install -y --no-install-recommends git')).toBeGreaterThan(-1);
    expect(runtime.indexOf('apt-get install')).toBeLessThan(runtime.indexOf('USER node'));
    // Every file the recipe copies from the project exists.
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm))
      for (const source of m[1].split(' ')) expect(existsSync(path.join(ROOT, source)), source).toBe(true);
  });

  it('puts Caddy in front, trusted by its fixed address, and keeps the data on a named volume', () => {
    const { app, caddy } = compose.services;
    expect(app.environment.TRUST_PROXY).toBe(caddy.networks.web.ipv4_address);
    expect(app.volumes).toContain(`data:${app.environment.DATA_DIR}`);
    expect(app.ports).toBeUndefined();
    expect(app.restart).toBe('unless-stopped');
    expect(caddy.restart).toBe('unless-stopped');
    expect(caddy.depends_on.app.condition).toBe('service_healthy');
    expect(caddy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(existsSync(path.join(ROOT, 'deploy', app.build.context, app.build.dockerfile))).toBe(true);
  });

  it('runs two instances on PostgreSQL in its variant: one database URL, both behind Caddy', async () => {
    const variant = parse(await readFile(path.join(ROOT, 'deploy/compose.postgres.yaml'), 'utf8'));
    const { app, db, caddy } = variant.services;
    const second = variant.services['app-2'];
    expect(app.environment.DATABASE_URL).toMatch(
      /^postgres:\/\/segnalazione:\$\{POSTGRES_PASSWORD\}@db:5432\/segnalazione$/,
    );
    expect(second.environment).toEqual(app.environment);
    expect(second.environment.TRUST_PROXY).toBe(compose.services.caddy.networks.web.ipv4_address);
    expect(second.image).toBe(compose.services.app.image);
    expect(caddy.environment.UPSTREAM).toBe('app:4321 app-2:4321');
    expect(db.volumes).toContain('pgdata:/var/lib/postgresql/data');
    const result = spawnSync(
      caddyPath(),
      ['validate', '--config', path.join(ROOT, 'deploy/Caddyfile'), '--adapter', 'caddyfile'],
      { encoding: 'utf8', env: { ...process.env, UPSTREAM: caddy.environment.UPSTREAM } },
    );
    expect(result.status, result.stderr).toBe(0);
  });

  describe("the image's commands", () => {
    const releases = path.join(TEST_BUILD, 'releases-container');
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child && child.exitCode === null)
        await new Promise((resolve) => {
          child!.once('exit', resolve);
          child!.kill('SIGTERM');
        });
      await rm(releases, { recursive: true, force: true });
    });

    it('starts the site with CMD as an unprivileged user, and HEALTHCHECK finds it healthy', async () => {
      await releasesFromTestBuild(releases);
      const dataDir = await tempDataDir();
      const port = await freePort();
      const env = Object.fromEntries(
        [
          ...stage('runtime')
            .replace(/\\\n\s*/g, ' ')
            .matchAll(/(\w+)=(\S+)/g),
        ].map((m) => [m[1], m[2]]),
      );
      const environment = cleanEnv({
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        RELEASES_DIR: releases,
      });
      const [program, ...args] = command('CMD');
      expect(program).toBe('node');
      const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
      if (asUser.length) await chown(dataDir, 65534, 65534);
      let log = '';
      child = spawn(
        asUser[0] ?? process.execPath,
        [...asUser.slice(1), ...(asUser.length ? [process.execPath] : []), ...args],
        {
          cwd: ROOT,
          env: environment,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', (c) => (log += c));
      child.stderr?.on('data', (c) => (log += c));
      await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/`).catch(() => null))?.ok === true,
        20_000,
        `the site\n${log}`,
      );

      const [, ...check] = command('HEALTHCHECK');
      const health = spawnSync(process.execPath, check, { env: environment, encoding: 'utf8' });
      expect(health.status, health.stderr).toBe(0);
    });
  });
});
