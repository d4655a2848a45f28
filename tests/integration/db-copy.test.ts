import { describe, it, expect, inject } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDataDir } from '../support/server.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { validLead } from '../support/leads.ts';
import { createDatabase } from '../support/postgres.ts';
import { ROOT } from '../support/paths.ts';
import { openDb } from '../../src/server/storage/open.ts';
import { LeadStore } from '../../src/server/storage/lead-store.ts';
import { SqliteDb } from '../../src/server/storage/sqlite-db.ts';
import { AccountStore } from '../../src/server/storage/account-store.ts';
import { AuditStore } from '../../src/server/storage/audit-store.ts';

const copy = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts/db-copy.ts'), ...args], {
    env: cleanEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
  });

describe('moving up from SQLite to PostgreSQL (npm run db:copy)', () => {
  it('copies every row, refuses a second copy unless told, never duplicates, and the site runs on the copy', async () => {
    const dataDir = await tempDataDir();
    const before = await startServer({ DATA_DIR: dataDir, LEADS_RATE_LIMIT: '100' });
    const posted: string[] = [];
    for (let n = 0; n < 5; n++) {
      const res = await fetch(`${before.url}/api/leads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: before.url },
        body: JSON.stringify(validLead({}, n)),
      });
      posted.push(((await res.json()) as { id: string }).id);
    }
    const page = await (await fetch(`${before.url}/blog/definizione-di-networking/commenti/`)).text();
    const startToken = /name="start_token" value="([^"]+)"/.exec(page)![1];
    await fetch(`${before.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: before.url },
      body: JSON.stringify({
        articolo: 'definizione-di-networking',
        nome: 'Chiara',
        email: 'c@example.it',
        commento: 'Copiami.',
        privacy_version: '2026-11-29',
        start_token: startToken,
      }),
    });
    await before.stop();
    // The team's work too: an account, a lead's history, the audit log.
    const team = await openDb({ dataDir });
    await new AccountStore(team).create({
      email: 'carla@sv.it',
      name: 'Carla',
      role: 'commerciale',
      passwordHash: 'x',
    });
    await new LeadStore(team).setStatus(posted[0], 'meeting', 'carla@sv.it');
    await new LeadStore(team).addNote(posted[0], 'Copiami anche questa.', 'carla@sv.it');
    await new AuditStore(team).record({ actor: 'carla@sv.it', action: 'lead-update', target: posted[0], detail: {} });
    await team.close();

    const url = await createDatabase(inject('postgresUrl'));
    const first = copy(dataDir, '--to', url);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/leads\s+5 in SQLite,\s+5 in PostgreSQL/);
    expect(first.stdout).toMatch(/comments\s+1 in SQLite,\s+1 in PostgreSQL/);
    expect(first.stdout).toMatch(/accounts\s+1 in SQLite,\s+1 in PostgreSQL/);
    expect(first.stdout).toMatch(/lead_events\s+2 in SQLite,\s+2 in PostgreSQL/);
    expect(first.stdout).toMatch(/audit_log\s+1 in SQLite,\s+1 in PostgreSQL/);
    // The funnel's counters travel too (5 leads: 'submitted' and an outcome counted for each).
    expect(first.stdout).toMatch(/funnel_counts\s+([1-9]\d*) in SQLite,\s+\1 in PostgreSQL/);

    const refused = copy(dataDir, '--to', url);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    const again = copy(dataDir, '--to', url, '--force');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/outbox\s+(\d+) in SQLite,\s+\1 in PostgreSQL/);

    // The same leads, field by field, on both engines.
    const sqlite = new SqliteDb(dataDir);
    const postgres = await openDb({ dataDir, databaseUrl: url });
    try {
      for (const id of posted) {
        expect(await new LeadStore(postgres).find(id)).toEqual(await new LeadStore(sqlite).find(id));
        expect(await new LeadStore(postgres).history(id)).toEqual(await new LeadStore(sqlite).history(id));
      }
    } finally {
      await sqlite.close();
      await postgres.close();
    }

    // The site on PostgreSQL: the copied start tokens' key still signs, new leads and comments go on from there.
    const after = await startServer({ DATA_DIR: await tempDataDir(), DATABASE_URL: url, COMMENTS_FLOOD_SECONDS: '0' });
    try {
      const res = await fetch(`${after.url}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: after.url },
        body: JSON.stringify({
          articolo: 'definizione-di-networking',
          nome: 'Chiara',
          email: 'c@example.it',
          commento: 'Dopo il trasloco.',
          privacy_version: '2026-11-29',
          start_token: startToken,
        }),
      });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { id: number }).id).toBe(2);
    } finally {
      await after.stop();
    }
  });
});
