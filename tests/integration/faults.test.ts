import { describe, it, expect, afterEach } from 'vitest';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startSmtp, teamMails } from '../support/smtp.ts';
import { startWebhookReceiver } from '../support/webhook.ts';
import { hangingSmtp, hangingWebhook } from '../support/hanging.ts';
import { smallDisk } from '../support/disk.ts';
import { validLead, readDb, eventually } from '../support/leads.ts';

/*
 * Bad luck, for real: a disk that fills while an email is on its way, a mail server that
 * greets and then hangs, a CRM that takes the webhook and never answers.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const FAST = {
  OUTBOX_POLL_SECONDS: '0.1',
  OUTBOX_RETRY_SECONDS: '0.1',
  LEADS_RATE_LIMIT: '100',
  LEADS_MIN_FILL_SECONDS: '0',
};

async function server(env: Record<string, string>): Promise<RunningServer> {
  const s = await startServer({ ...FAST, ...env });
  cleanups.push(() => s.stop());
  return s;
}

/** A lead as the island sends it, with the start token it fetched when the page loaded. */
async function postLead(url: string, n: number) {
  const { token } = (await (await fetch(`${url}/api/leads/token`)).json()) as { token: string };
  return fetch(`${url}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(validLead({ startToken: token }, n)),
  });
}

describe('notifications under faults', () => {
  it('never emails a lead twice when the disk fills while its email is on its way', async () => {
    const disk = await smallDisk();
    cleanups.push(() => disk.unmount());
    let filled = false;
    const smtp = await startSmtp(async () => {
      if (!filled) {
        filled = true;
        await disk.fill();
      }
    });
    cleanups.push(() => smtp.close());
    const hook = await startWebhookReceiver();
    cleanups.push(() => hook.close());
    const s = await server({
      DATA_DIR: disk.dir,
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'un-segreto-lungo-abbastanza',
    });
    // Four leads arrive together; the first email fills the disk as it is delivered.
    expect(await Promise.all([1, 2, 3, 4].map(async (n) => (await postLead(s.url, n)).status))).toEqual([
      201, 201, 201, 201,
    ]);
    await eventually(() => filled, 10_000, 'the disk to fill');
    // Five seconds of polling every 0.1 s with the result unrecordable.
    await new Promise((r) => setTimeout(r, 5000));
    const whileFull = teamMails(smtp.mails).length;
    expect(whileFull).toBeLessThanOrEqual(4);
    await disk.free();
    await eventually(() => teamMails(smtp.mails).length >= 4, 15_000, 'every email once the disk has room');
    await new Promise((r) => setTimeout(r, 1000));
    const perLead = (mails: string[]) =>
      [1, 2, 3, 4].map((n) => mails.filter((text) => text.includes(`mario.${n}@azienda.it`)).length);
    expect(perLead(smtp.mails.map((m) => m.text))).toEqual([1, 1, 1, 1]);
    expect(perLead(hook.accepted().map((d) => d.body))).toEqual([1, 1, 1, 1]);
    await eventually(
      () => readDb(disk.dir).outbox.every((row) => row.status === 'sent'),
      10_000,
      'every delivery recorded as sent',
    );
    console.log(`disk full mid-delivery: ${whileFull} emails while full, 4 leads → ${smtp.mails.length} emails in all`);
  });

  it('delivers the webhook at once while the mail server hangs after its greeting', async () => {
    const smtp = await hangingSmtp();
    cleanups.push(() => smtp.close());
    const hook = await startWebhookReceiver();
    cleanups.push(() => hook.close());
    const dataDir = await tempDataDir();
    const s = await server({
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'un-segreto-lungo-abbastanza',
      OUTBOX_SEND_TIMEOUT_SECONDS: '2',
    });
    const posted = Date.now();
    expect((await postLead(s.url, 1)).status).toBe(201);
    await eventually(() => hook.accepted().length === 1, 5000, 'the webhook');
    const webhookDelay = Date.now() - posted;
    expect(webhookDelay).toBeLessThan(1500);
    // The email gives up at its timeout and waits for a retry, instead of holding on for 10 minutes.
    await eventually(
      () => readDb(dataDir).outbox.some((r) => r.channel === 'email' && /timeout/i.test(String(r.last_error))),
      10_000,
      'the email attempt to time out',
    );
    console.log(`SMTP hanging after the greeting: webhook delivered after ${webhookDelay} ms`);
  });

  it('delivers the email at once while the webhook receiver hangs', async () => {
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    const hook = await hangingWebhook();
    cleanups.push(() => hook.close());
    const dataDir = await tempDataDir();
    const s = await server({
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'un-segreto-lungo-abbastanza',
      OUTBOX_SEND_TIMEOUT_SECONDS: '2',
    });
    const posted = Date.now();
    expect((await postLead(s.url, 1)).status).toBe(201);
    await eventually(() => teamMails(smtp.mails).length === 1, 5000, 'the email');
    expect(Date.now() - posted).toBeLessThan(1500);
    expect(hook.received()).toBe(1);
    await eventually(
      () => readDb(dataDir).outbox.some((r) => r.channel === 'webhook' && r.last_error !== null),
      10_000,
      'the webhook attempt to time out',
    );
  });
});
