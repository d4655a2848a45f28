import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startCaddy, PROXY_HOST, type RunningProxy } from '../support/caddy.ts';
import { launchBrowser } from '../support/browser.ts';
import { send } from '../support/http-client.ts';
import { validLead, readDb } from '../support/leads.ts';
import { takePlainTest, writeComment, signIn } from '../support/journeys.ts';

/*
 * The deployment as it runs: the built server behind a real Caddy terminating TLS
 * (`tls internal`), trusting only the proxy's own address (TRUST_PROXY=127.0.0.1).
 * Clients come from different loopback addresses (127.0.x.y), as different visitors do.
 */
const PASSWORD = 'password-del-team-dietro-al-proxy';
let server: RunningServer;
let proxy: RunningProxy;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  server = await startServer({
    DATA_DIR: dataDir,
    TRUST_PROXY: '127.0.0.1',
    ADMIN_PASSWORD: PASSWORD,
    LEADS_RATE_LIMIT: '2',
    LEADS_MIN_FILL_SECONDS: '0',
    COMMENTS_FLOOD_SECONDS: '0',
  });
  [proxy, browser] = await Promise.all([
    startCaddy(new URL(server.url).host),
    launchBrowser([`--host-resolver-rules=MAP ${PROXY_HOST} 127.0.0.1`]),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.stop();
});

/** A lead posted as the island posts it, with a start token fetched the same way. */
async function postLead(base: string, from: string, n: number, headers: Record<string, string> = {}) {
  const viaProxy = base.startsWith('https:');
  const opts = { from, ...(viaProxy && { host: PROXY_HOST }) };
  const { token } = JSON.parse((await send(`${base}/api/leads/token`, opts)).body);
  return send(`${base}/api/leads`, {
    ...opts,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: viaProxy ? proxy.origin : base, ...headers },
    body: JSON.stringify(validLead({ startToken: token }, n)),
  });
}

describe('behind an HTTPS reverse proxy', () => {
  it('takes the plain test form, a comment and a team sign-in over HTTPS, with a Secure session cookie', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await takePlainTest(page, proxy.origin, 'proxy@azienda.it');
    expect(page.url()).toMatch(new RegExp(`^${proxy.origin}/test-gratuito/risultato/`));

    await page.goto(`${proxy.origin}/blog/definizione-di-networking/`);
    await writeComment(page, 'Lettore Remoto', 'lettore@example.it', 'Un commento arrivato attraverso il proxy.');
    await page.getByText('Il tuo commento è in attesa di moderazione').waitFor();

    await page.goto(`${proxy.origin}/admin/`);
    await signIn(page, 'admin', PASSWORD);
    await page.getByRole('heading', { name: 'Riepilogo' }).waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'sv_admin', secure: true, httpOnly: true, sameSite: 'Strict' });
    expect(readDb(dataDir).leads.map((l) => l.email)).toContain('proxy@azienda.it');
    const res = await page.goto(`${proxy.origin}/`);
    expect(res?.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await context.close();
  });

  it('counts each client apart: twelve addresses each send a lead, one client over the limit waits', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postLead(proxy.origin, `127.0.${10 + i}.${i + 1}`, 100 + i)),
    ).then((replies) => replies.map((r) => r.status));
    expect(statuses).toEqual(Array(12).fill(201));

    const one = '127.0.99.1';
    expect((await postLead(proxy.origin, one, 200)).status).toBe(201);
    expect((await postLead(proxy.origin, one, 201)).status).toBe(201);
    const third = await postLead(proxy.origin, one, 202);
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not believe X-Forwarded-* from a peer it does not trust', async () => {
    // Straight to the server, not through the proxy, from another address, forging each time.
    const direct = (n: number) => postLead(server.url, '127.0.0.2', 300 + n, { 'X-Forwarded-For': `203.0.113.${n}` });
    expect([(await direct(1)).status, (await direct(2)).status, (await direct(3)).status]).toEqual([201, 201, 429]);

    const forgedProto = await send(`${server.url}/admin/accesso/`, {
      from: '127.0.0.2',
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(forgedProto.headers['strict-transport-security']).toBeUndefined();

    // A forged forwarded host cannot make another site's Origin look like ours.
    const forgedHost = await send(`${server.url}/admin/accesso/`, {
      from: '127.0.0.2',
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'https',
      },
      body: `utente=admin&password=${PASSWORD}`,
    });
    expect(forgedHost.status).toBe(403);
  });

  it('refuses a 5 MB sign-in within a second while other requests are served', async () => {
    const started = Date.now();
    const [big, page] = await Promise.all([
      send(`${proxy.origin}/admin/accesso/`, {
        host: PROXY_HOST,
        from: '127.0.50.1',
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: proxy.origin },
        body: Buffer.alloc(5 * 1024 * 1024, 'a'),
      }),
      send(`${proxy.origin}/blog/`, { host: PROXY_HOST, from: '127.0.50.2' }),
    ]);
    expect(big.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(page.status).toBe(200);
  });
});
