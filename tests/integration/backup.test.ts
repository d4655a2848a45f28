import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDataDir } from '../support/server.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { validLead, readDb } from '../support/leads.ts';
import { ROOT } from '../support/paths.ts';

const script = (name: string, env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, `scripts/${name}.ts`), ...args], {
    env: cleanEnv(env),
    encoding: 'utf8',
  });

const post = (url: string, n: number) =>
  fetch(`${url}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(validLead({}, n)),
  });

describe('backup and restore (docs/DEPLOY.md)', () => {
  it('copies the database while the site runs, and the copy restored into a new folder serves every lead', async () => {
    const dataDir = await tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir, LEADS_RATE_LIMIT: '100' });
    for (let n = 0; n < 5; n++) expect((await post(server.url, n)).status).toBe(201);
    const file = path.join(await tempDataDir(), 'copia.db');
    const backup = script('backup', { DATA_DIR: dataDir }, file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('backup: 5 leads, 0 comments');
    // Written after the backup: not in it.
    expect((await post(server.url, 99)).status).toBe(201);
    await server.stop();

    const restored = await tempDataDir();
    const restore = script('restore', { DATA_DIR: restored }, file);
    expect(restore.status, restore.stderr).toBe(0);
    const again = await startServer({ DATA_DIR: restored });
    expect(
      readDb(restored)
        .leads.map((l) => l.cognome)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((n) => `Rossi ${n}`));
    expect((await post(again.url, 7)).status).toBe(201);
    await again.stop();
  });

  it('never overwrites a database without --force, and keeps the replaced one aside', async () => {
    const dataDir = await tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir });
    await server.stop();
    const file = path.join(await tempDataDir(), 'copia.db');
    expect(script('backup', { DATA_DIR: dataDir }, file).status).toBe(0);
    const refused = script('restore', { DATA_DIR: dataDir }, file);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    const forced = script('restore', { DATA_DIR: dataDir }, file, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/kept as .*site\.db\.before-restore-/);
  });

  it('names the folder when DATA_DIR holds no database, instead of making an empty one', () => {
    const result = script('backup', { DATA_DIR: '/tmp/cartella-che-non-esiste' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No database in /tmp/cartella-che-non-esiste (DATA_DIR)');
  });
});
