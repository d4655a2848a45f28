import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { connect } from 'node:net';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startWebhookReceiver } from '../support/webhook.ts';
import { validLead, readDb, eventually } from '../support/leads.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';

const quiz = loadRealQuiz();
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop('SIGKILL')));
});

async function server(env: Record<string, string> = {}) {
  const s = await startServer({
    LEADS_RATE_LIMIT: '100000',
    COMMENTS_RATE_LIMIT: '100000',
    LEADS_MIN_FILL_SECONDS: '0',
    COMMENTS_FLOOD_SECONDS: '0',
    ...env,
  });
  running.push(s);
  return s;
}

async function token(base: string) {
  return ((await (await fetch(`${base}/api/leads/token`)).json()) as { token: string }).token;
}

const quick = async (base: string) => (await fetch(`${base}/robots.txt`)).status;

describe('slow clients and big bodies', () => {
  it('cuts off a client that trickles its body (408) while others are served', async () => {
    const s = await server({ DATA_DIR: await tempDataDir(), REQUEST_BODY_TIMEOUT_SECONDS: '1' });
    const { port } = new URL(s.url);
    const started = Date.now();
    const answer = new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/leads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 400\r\nOrigin: ${s.url}\r\n\r\n{`,
        );
        const drip = setInterval(() => socket.writable && socket.write(' '), 200);
        let data = '';
        socket.on('data', (d) => {
          data += d;
          // The answer is what matters; the connection may stay open (keep-alive).
          if (data.includes('\r\n\r\n')) {
            clearInterval(drip);
            socket.destroy();
          }
        });
        socket.on('close', () => (clearInterval(drip), resolve(data)));
        socket.on('error', () => (clearInterval(drip), resolve(data)));
        setTimeout(() => socket.destroy(), 8000);
      });
    });
    expect(await quick(s.url)).toBe(200);
    const raw = await answer;
    expect(raw).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses 10 MB (413) without holding up other requests', async () => {
    const s = await server({ DATA_DIR: await tempDataDir() });
    const big = fetch(`${s.url}/api/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: s.url },
      body: JSON.stringify({ x: 'y'.repeat(10 * 1024 * 1024) }),
    });
    const [res, other] = await Promise.all([big, quick(s.url)]);
    expect(res.status).toBe(413);
    expect(other).toBe(200);
  });
});

/** Request bodies from well-formed leads to garbage: wrong types, huge strings, deep nesting, bad UTF-8. */
function arbitraryRequest() {
  const lead = validLead();
  const mutated = fc.record({
    field: fc.constantFrom(
      'quizId',
      'quizVersion',
      'answers',
      'contact',
      'consent',
      'context',
      'idempotencyKey',
      'website',
      'startToken',
    ),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.string({ maxLength: 40_000 }),
      fc.constant({ nome: 'A'.repeat(2000), email: 'x@y.it' }),
      fc.constant(Object.fromEntries(quiz.questions.map((q) => [q.id, ['x', 'y']]))),
      fc.integer(),
    ),
  });
  const body = fc.oneof(
    mutated.map(({ field, value }) =>
      Buffer.from(JSON.stringify({ ...lead, idempotencyKey: undefined, [field]: value })),
    ),
    fc.jsonValue({ maxDepth: 8 }).map((v) => Buffer.from(JSON.stringify(v))),
    fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d])),
    fc.integer({ min: 1, max: 3000 }).map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
    fc.string().map((s) => Buffer.from(new URLSearchParams({ nome: s, email: s, 'q.settore': s }).toString())),
  );
  const type = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/xml',
    '',
    'application/json\u0000',
  );
  const headers = fc.dictionary(
    fc.constantFrom('x-forwarded-for', 'accept', 'accept-language', 'x-custom', 'referer', 'cookie'),
    fc.string({ maxLength: 200 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  );
  return fc.record({
    endpoint: fc.constantFrom('/api/leads', '/api/comments'),
    body,
    type,
    headers,
    method: fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'GET'),
  });
}

describe('fuzzing the form endpoints', () => {
  it('never answers 5xx, never stores an invalid row, and stores every 2xx exactly once', async () => {
    const dataDir = await tempDataDir();
    const s = await server({ DATA_DIR: dataDir });
    const acknowledged = new Set<string>();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryRequest(), async ({ endpoint, body, type, headers, method }) => {
        tried++;
        const res = await fetch(s.url + endpoint, {
          method,
          headers: { ...headers, ...(type && { 'Content-Type': type.replace('\u0000', '') }), Origin: s.url },
          body: method === 'GET' ? undefined : body,
        });
        const text = await res.text();
        expect(res.status, `${method} ${endpoint} ${type}: ${text.slice(0, 200)}`).toBeLessThan(500);
        if (res.status === 201 && endpoint === '/api/leads') acknowledged.add(JSON.parse(text).id);
      }),
      { numRuns: 300 },
    );
    // A few valid leads through the same server, so the 2xx side is exercised too.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${s.url}/api/leads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: s.url },
        body: JSON.stringify(validLead({ startToken: await token(s.url) }, i)),
      });
      expect(res.status).toBe(201);
      acknowledged.add(((await res.json()) as { id: string }).id);
    }
    const { leads } = readDb(dataDir);
    expect(leads.map((l) => String(l.id)).sort()).toEqual([...acknowledged].sort());
    for (const lead of leads) {
      expect(lead.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i);
      expect(quiz.bands.map((b) => b.id)).toContain(lead.outcome);
      expect(Number(lead.score_percent)).toBeGreaterThanOrEqual(0);
    }
    expect(tried).toBe(300);
    console.log(
      `fuzz: ${tried} random requests + 5 valid leads, 0 answered 5xx, ${acknowledged.size} leads acknowledged, ${leads.length} stored`,
    );
  });
});

describe('a crash under load', () => {
  it('keeps every acknowledged lead exactly once and delivers the pending notifications after restart', async () => {
    const dataDir = await tempDataDir();
    const hook = await startWebhookReceiver();
    await hook.close(); // the CRM is down while the server dies
    const env = {
      DATA_DIR: dataDir,
      WEBHOOK_URL: hook.url,
      WEBHOOK_SECRET: 'segreto-del-webhook-di-prova',
      OUTBOX_RETRY_SECONDS: '0.5',
      OUTBOX_POLL_SECONDS: '0.2',
      // Deliveries in flight at the kill are retried once their lease (twice this) has passed.
      OUTBOX_SEND_TIMEOUT_SECONDS: '1',
    };
    const first = await server(env);
    const startToken = await token(first.url);
    const acknowledged: string[] = [];
    let errors = 0;
    let n = 0;
    const worker = async () => {
      while (n < 400) {
        const i = n++;
        try {
          const res = await fetch(`${first.url}/api/leads`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Origin: first.url },
            body: JSON.stringify(validLead({ startToken }, i)),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          errors++; // the server died mid-request: not acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: 20 }, worker));
    await eventually(() => acknowledged.length >= 100, 20_000, '100 acknowledged leads');
    first.process.kill('SIGKILL');
    await load;
    expect(errors).toBeGreaterThan(0);

    const db = new DatabaseSync(path.join(dataDir, 'site.db'));
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();
    await hook.listen();
    const second = await server(env);
    const { leads } = readDb(dataDir);
    const stored = new Map(leads.map((l) => [String(l.id), l]));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(new Set(leads.map((l) => l.idempotency_key)).size).toBe(leads.length);
    await eventually(
      () => acknowledged.every((id) => hook.accepted().some((d) => d.body.includes(id))),
      30_000,
      'deliveries after restart',
    );
    await second.stop();
    await hook.close();
    console.log(
      `crash test: ${n} requests sent, ${acknowledged.length} acknowledged, ${errors} cut by the kill, ${leads.length} stored, 0 acknowledged missing`,
    );
  });
});
