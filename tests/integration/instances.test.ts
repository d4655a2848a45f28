import { describe, it, expect, inject, afterAll } from 'vitest';
import pg from 'pg';
import { startServer, freePort, type RunningServer } from '../support/server.ts';
import { startCaddy, PROXY_HOST, type RunningProxy } from '../support/caddy.ts';
import { startSmtp, teamMails } from '../support/smtp.ts';
import { startWebhookReceiver } from '../support/webhook.ts';
import { createDatabase } from '../support/postgres.ts';
import { send } from '../support/http-client.ts';
import { validLead, eventually } from '../support/leads.ts';

/*
 * The proof of several instances on one database: two built servers on one PostgreSQL
 * behind a real Caddy taking them in turn, a burst of 500 leads from 250 visitors, one
 * server killed with SIGKILL mid-burst and started again.
 */
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

describe('two instances on one PostgreSQL database', () => {
  it('keep every acknowledged lead once, deliver each notification once, and share the rate limit', async () => {
    const databaseUrl = await createDatabase(inject('postgresUrl'));
    const [smtp, hook] = await Promise.all([startSmtp(), startWebhookReceiver()]);
    stops.push(
      () => smtp.close(),
      () => hook.close(),
    );
    const ports = [await freePort(), await freePort()];
    const env = (port: number) => ({
      PORT: String(port),
      DATA_DIR: '/nonexistent-sqlite-is-not-used',
      DATABASE_URL: databaseUrl,
      TRUST_PROXY: '127.0.0.1',
      LEADS_RATE_LIMIT: '3',
      LEADS_MIN_FILL_SECONDS: '0',
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'un-segreto-condiviso-lungo',
      OUTBOX_POLL_SECONDS: '0.2',
      OUTBOX_RETRY_SECONDS: '0.2',
      OUTBOX_SEND_TIMEOUT_SECONDS: '1',
    });
    const servers: RunningServer[] = await Promise.all(ports.map((p) => startServer(env(p))));
    stops.push(() => Promise.all(servers.map((s) => s.stop())).then(() => {}));
    const proxy: RunningProxy = await startCaddy(ports.map((p) => `127.0.0.1:${p}`));
    stops.push(() => proxy.stop());

    const opts = (from: string) => ({ from, host: PROXY_HOST });
    const { token } = JSON.parse((await send(`${proxy.origin}/api/leads/token`, opts('127.0.1.1'))).body);
    const acknowledged: string[] = [];
    let refused = 0;
    let next = 0;
    const visitor = async () => {
      while (next < 500) {
        const n = next++;
        // 250 visitors, two leads each: under their limit of 3.
        const from = `127.1.${Math.floor(n / 2 / 250)}.${(Math.floor(n / 2) % 250) + 1}`;
        try {
          const res = await send(`${proxy.origin}/api/leads`, {
            ...opts(from),
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: proxy.origin },
            body: JSON.stringify(validLead({ startToken: token }, 1000 + n)),
          });
          if (res.status === 201) acknowledged.push(JSON.parse(res.body).id);
          else refused++;
        } catch {
          refused++; // cut by the kill: not acknowledged
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 16 }, visitor));
    await eventually(() => acknowledged.length >= 150, 60_000, '150 acknowledged leads');
    servers[0].process.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    servers[0] = await startServer(env(ports[0]));
    await burst;

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    stops.push(() => db.end());
    const { rows: leads } = await db.query('SELECT id, idempotency_key FROM leads');
    const stored = new Set(leads.map((l) => l.id as string));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(new Set(leads.map((l) => l.idempotency_key)).size).toBe(leads.length);

    await eventually(
      () => leads.every((l) => hook.accepted().some((d) => d.body.includes(l.id))),
      60_000,
      'a webhook for every stored lead',
    );
    await eventually(
      () => leads.every((l) => teamMails(smtp.mails).some((m) => m.text.includes(`Id: ${l.id}`))),
      60_000,
      'an email for every stored lead',
    );
    await new Promise((r) => setTimeout(r, 1500));
    // One delivery id per lead, one message id per lead: a repeat after the crash carries the same id.
    const hookIds = new Map<string, Set<string>>();
    for (const d of hook.accepted()) {
      const lead = JSON.parse(d.body).lead.id as string;
      hookIds.set(lead, (hookIds.get(lead) ?? new Set()).add(String(d.headers['x-sv-delivery'])));
    }
    const mailIds = new Map<string, Set<string>>();
    for (const m of teamMails(smtp.mails)) {
      const lead = /Id: (\S+)/.exec(m.text)![1];
      mailIds.set(lead, (mailIds.get(lead) ?? new Set()).add(m.messageId));
    }
    expect([...hookIds.values()].every((ids) => ids.size === 1)).toBe(true);
    expect([...mailIds.values()].every((ids) => ids.size === 1)).toBe(true);
    expect([hookIds.size, mailIds.size]).toEqual([leads.length, leads.length]);
    const repeats = hook.accepted().length - leads.length + (teamMails(smtp.mails).length - leads.length);

    // The limit holds across instances: one visitor, its requests taken in turn by both servers.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await send(`${proxy.origin}/api/leads`, {
            ...opts('127.2.0.1'),
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: proxy.origin },
            body: JSON.stringify(validLead({ startToken: token }, 5000 + i)),
          })
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 429]);

    console.log(
      `two instances: 500 sent, ${acknowledged.length} acknowledged, ${refused} cut by the kill, ${leads.length} stored, ` +
        `0 acknowledged missing; webhooks ${hook.accepted().length} and emails ${teamMails(smtp.mails).length} for ${leads.length} leads ` +
        `(${repeats} repeats of an id after the kill, each deduplicated by its id)`,
    );
  }, 240_000);
});
