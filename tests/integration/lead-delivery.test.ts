import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startWebhookReceiver } from '../support/webhook.ts';
import { validLead, readDb, eventually } from '../support/leads.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { TEST_DIST } from '../support/paths.ts';

const running: RunningServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function server(env: Record<string, string>) {
  const s = await startServer({
    LEADS_RATE_LIMIT: '1000',
    LEADS_MIN_FILL_SECONDS: '0',
    OUTBOX_RETRY_SECONDS: '0.2',
    OUTBOX_POLL_SECONDS: '0.1',
    ...env,
  });
  running.push(s);
  return s;
}

async function submit(base: string, n: number, overrides: Record<string, unknown> = {}) {
  const { token } = (await (await fetch(`${base}/api/leads/token`)).json()) as { token: string };
  const res = await fetch(`${base}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify(validLead({ startToken: token, ...overrides }, n)),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { id: string; error?: string } };
}

describe('webhook delivery through the outbox', () => {
  it('loses nothing while the receiver is down and delivers each lead once when it is back', async () => {
    const hook = await startWebhookReceiver();
    cleanups.push(hook.close);
    hook.failNext(3);
    const s = await server({
      DATA_DIR: await tempDataDir(),
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'segreto-del-webhook-di-prova',
    });
    const ids = [(await submit(s.url, 1)).body.id, (await submit(s.url, 2)).body.id];

    await eventually(
      () => ids.every((id) => hook.accepted().some((d) => d.body.includes(id))),
      15_000,
      'both leads acknowledged',
    );
    await new Promise((r) => setTimeout(r, 600)); // time for any wrongful second delivery
    for (const id of ids) expect(hook.accepted().filter((d) => d.body.includes(id))).toHaveLength(1);
    expect(hook.deliveries.filter((d) => d.status === 503)).toHaveLength(3);
  });

  it('resumes pending deliveries after a restart, with no request needed', async () => {
    const dataDir = await tempDataDir();
    const hook = await startWebhookReceiver();
    await hook.close(); // the CRM is down
    const first = await server({
      DATA_DIR: dataDir,
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'segreto-del-webhook-di-prova',
      OUTBOX_RETRY_SECONDS: '2',
    });
    const { body } = await submit(first.url, 3);
    await eventually(
      () => Number(readDb(dataDir).outbox.find((o) => o.channel === 'webhook')?.attempts) >= 1,
      5000,
      'a failed attempt',
    );
    await first.stop();

    await hook.listen();
    cleanups.push(hook.close);
    // The retry stored by the first process falls due 2 s after its failure; nothing but the restarted worker sends it.
    await server({
      DATA_DIR: dataDir,
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'segreto-del-webhook-di-prova',
      OUTBOX_RETRY_SECONDS: '0.2',
    });
    expect(readDb(dataDir).outbox.find((o) => o.channel === 'webhook')?.status).toBe('pending');
    await eventually(() => hook.accepted().some((d) => d.body.includes(body.id)), 15_000, 'the delivery after restart');
    expect(hook.accepted().filter((d) => d.body.includes(body.id))).toHaveLength(1);
    await eventually(
      () => readDb(dataDir).outbox.find((o) => o.channel === 'webhook')?.status === 'sent',
      5000,
      'marked sent',
    );
  });

  it('records channels that are not configured as skipped, with no copy of the data', async () => {
    const dataDir = await tempDataDir();
    const s = await server({ DATA_DIR: dataDir });
    expect(s.output()).toMatch(/off, recorded as skipped: email \(SMTP_URL\), webhook \(WEBHOOK_URL\)/);
    await submit(s.url, 4);
    expect(readDb(dataDir).outbox.map((o) => [o.channel, o.status, o.payload])).toEqual([
      ['email', 'skipped', '{}'],
      ['webhook', 'skipped', '{}'],
    ]);
  });
});

describe('abuse control', () => {
  it('limits each client and says when to come back (429, Retry-After)', async () => {
    const s = await server({ DATA_DIR: await tempDataDir(), LEADS_RATE_LIMIT: '3', LEADS_RATE_WINDOW_SECONDS: '120' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit(s.url, 10 + i)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await submit(s.url, 20);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(/Troppi invii ravvicinati/);
  });

  it('keeps a lead sent faster than the minimum fill time for a person to check (a token fetched late is ours)', async () => {
    const dataDir = await tempDataDir();
    const s = await server({ DATA_DIR: dataDir, LEADS_MIN_FILL_SECONDS: '30' });
    const { status } = await submit(s.url, 30);
    expect(status).toBe(201);
    expect(readDb(dataDir).leads[0]).toMatchObject({ spam: 0, review_reason: 'too-fast' });
    expect(readDb(dataDir).outbox.map((o) => o.status)).toEqual(['skipped', 'skipped']);
  });

  it('does not accept a forged start token', async () => {
    const dataDir = await tempDataDir();
    const s = await server({ DATA_DIR: dataDir });
    const res = await submit(s.url, 31, { startToken: `lead.${Date.now() - 60_000}.${'A'.repeat(43)}` });
    expect(res.status).toBe(201);
    expect(readDb(dataDir).leads[0]).toMatchObject({ spam: 1, spam_reason: 'token-forged' });
    expect(readDb(dataDir).outbox).toEqual([]);
  });
});

describe('configuration', () => {
  it.each([
    ['LEADS_RATE_LIMIT', { LEADS_RATE_LIMIT: 'tanti' }],
    ['WEBHOOK_SECRET', { WEBHOOK_URL: 'http://127.0.0.1:9/hook' }],
    ['NOTIFY_EMAIL_TO', { SMTP_URL: 'smtp://127.0.0.1:2525' }],
  ])('stops at start-up naming %s when a setting is invalid', async (variable, env) => {
    const result = spawnSync(process.execPath, [path.join(TEST_DIST, 'server', 'entry.mjs')], {
      env: cleanEnv({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: await tempDataDir(), ...env }),
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain(variable);
  });
});
