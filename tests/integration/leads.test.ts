import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startSmtp } from '../support/smtp.ts';
import { startWebhookReceiver } from '../support/webhook.ts';
import { validLead, validLeadForm, readDb, eventually } from '../support/leads.ts';
import { verifyWebhook } from '../../src/lib/notify/webhook-signature.ts';

const SECRET = 'segreto-del-webhook-di-prova';
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  [smtp, hook, dataDir] = await Promise.all([startSmtp(), startWebhookReceiver(), tempDataDir()]);
  server = await startServer({
    DATA_DIR: dataDir,
    LEADS_RATE_LIMIT: '1000',
    LEADS_MIN_FILL_SECONDS: '0',
    SMTP_URL: smtp.url,
    NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
    WEBHOOK_URL: hook.url,
    WEBHOOK_SECRET: SECRET,
    OUTBOX_RETRY_SECONDS: '0.2',
    OUTBOX_POLL_SECONDS: '0.1',
  });
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([smtp?.close(), hook?.close()]);
});

async function token(base = server.url): Promise<string> {
  const res = await fetch(`${base}/api/leads/token`);
  return ((await res.json()) as { token: string }).token;
}

function postJson(body: unknown, headers: Record<string, string> = {}, base = server.url) {
  return fetch(`${base}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function postForm(form: URLSearchParams, base = server.url) {
  return fetch(`${base}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: form.toString(),
    redirect: 'manual',
  });
}

const leadsWith = (email: string) => readDb(dataDir).leads.filter((l) => l.email === email);

describe('POST /api/leads with JSON (the island)', () => {
  it('stores the lead with the score the server computes, and answers 201 with the outcome', async () => {
    const lead = validLead({ startToken: await token(), score: 100, outcome: 'in-target' }, 1);
    const res = await postJson(lead);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      outcome: { id: string; title: string };
      score: { percent: number };
    };
    expect(body.outcome.title).toBeTruthy();

    const [row] = leadsWith('mario.1@azienda.it');
    expect(row).toMatchObject({
      id: body.id,
      outcome: body.outcome.id,
      score_percent: body.score.percent,
      spam: 0,
      form: 'test-gratuito:json',
    });
    expect(row).toMatchObject({
      telefono: '+393331234567',
      piva: '12345678903',
      source_article: 'definizione-di-networking',
      utm: '{"utm_source":"newsletter"}',
    });
    expect(Number(row.fill_seconds)).toBeGreaterThanOrEqual(0);
    // The client's own score and outcome were ignored: the engine decided.
    expect(body.score.percent).toBeLessThan(100);
    const consents = readDb(dataDir).consents.filter((c) => c.lead_id === body.id);
    expect(consents.map((c) => [c.purpose, c.granted, c.notice_version, c.text_id])).toEqual([
      ['privacy-notice', 1, '2026-11-29', 'lead-privacy-v2'],
      ['marketing', 0, '2026-11-29', 'lead-marketing-v2'],
    ]);
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1/);
  });

  it('notifies the team by email (text escaped) and by a signed webhook', async () => {
    const lead = validLead({ startToken: await token() }, 2);
    lead.contact.azienda = '<script>alert(1)</script> & Figli';
    const res = await postJson(lead);
    const { id } = (await res.json()) as { id: string };

    await eventually(() => smtp.mails.some((m) => m.text.includes(id)), 10_000, 'the email');
    const mail = smtp.mails.find((m) => m.text.includes(id))!;
    expect(mail.to).toEqual(['vendite@segnalazionevincente.com']);
    expect(mail.subject).toContain('Nuovo contatto dal test: Mario Rossi 2');
    expect(mail.text).toContain('Azienda: <script>alert(1)</script> & Figli');
    expect(mail.html).not.toContain('<script>alert(1)</script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Figli');

    await eventually(() => hook.accepted().some((d) => d.body.includes(id)), 10_000, 'the webhook');
    const delivery = hook.accepted().find((d) => d.body.includes(id))!;
    expect(verifyWebhook(SECRET, delivery.body, String(delivery.headers['x-sv-signature']))).toBe(true);
    expect(verifyWebhook('un-altro-segreto-qualsiasi', delivery.body, String(delivery.headers['x-sv-signature']))).toBe(
      false,
    );
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: 'lead.created',
      lead: { id, contact: { azienda: lead.contact.azienda } },
    });
    await eventually(
      () => readDb(dataDir).outbox.filter((o) => o.lead_id === id && o.status === 'sent').length === 2,
      5000,
      'both marked sent',
    );
  });

  it('stores one lead for one idempotency key, sequential or concurrent, with the same answer', async () => {
    const lead = validLead({ startToken: await token() }, 3);
    const first = await postJson(lead);
    const again = await postJson(lead);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());

    const racing = validLead({ startToken: await token() }, 4);
    const answers = await Promise.all(Array.from({ length: 10 }, () => postJson(racing)));
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    expect(ids.size).toBe(1);
    expect(leadsWith('mario.3@azienda.it')).toHaveLength(1);
    expect(leadsWith('mario.4@azienda.it')).toHaveLength(1);
  });

  it('refuses an idempotency key reused for different data', async () => {
    const lead = validLead({ startToken: await token() }, 5);
    await postJson(lead);
    const res = await postJson({ ...lead, contact: { ...lead.contact, nome: 'Luigi' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/già stata usata/);
  });

  it('stores 50 concurrent distinct leads as 50 rows', async () => {
    const t = await token();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson(
          validLead({ startToken: t, contact: { ...validLead({}, i).contact, email: `carico.${i}@azienda.it` } }, i),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const rows = readDb(dataDir).leads.filter((l) => String(l.email).startsWith('carico.'));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.email)).size).toBe(50);
  });

  it('answers spam like a success, stores it flagged and notifies nobody', async () => {
    const honeypot = await postJson(validLead({ startToken: await token(), website: 'http://spam.example' }, 6));
    expect(honeypot.status).toBe(201);
    const [h] = leadsWith('mario.6@azienda.it');
    expect([h.spam, h.spam_reason, h.review_reason]).toEqual([1, 'honeypot', null]);
    expect(readDb(dataDir).outbox.filter((o) => o.lead_id === h.id)).toEqual([]);
  });

  it('keeps a lead sent without a start token for a person to check, and tells the team', async () => {
    const noToken = await postJson(validLead({}, 7));
    expect(noToken.status).toBe(201);
    const [n] = leadsWith('mario.7@azienda.it');
    expect([n.spam, n.spam_reason, n.review_reason]).toEqual([0, null, 'token-missing']);
    expect(
      readDb(dataDir)
        .outbox.filter((o) => o.lead_id === n.id)
        .map((o) => o.channel),
    ).toEqual(['email', 'webhook']);
  });

  it('accepts answers from an older test version that still fit, and refuses those that do not', async () => {
    const old = await postJson(validLead({ startToken: await token(), quizVersion: '2025-01-01' }, 8));
    expect(old.status).toBe(201);
    expect(leadsWith('mario.8@azienda.it')[0]).toMatchObject({
      submitted_quiz_version: '2025-01-01',
      quiz_version: '2026-11-29',
    });

    const lead = validLead({ quizVersion: '2025-01-01' }, 9);
    const changed = await postJson({ ...lead, answers: { ...lead.answers, 'domanda-tolta': 'si' } });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { errors: Record<string, string> }).errors).toEqual({
      quiz_version: 'Il test è stato aggiornato nel frattempo: ricarica la pagina e rispondi alle nuove domande.',
    });
  });
});

describe('POST /api/leads errors', () => {
  it.each<[string, () => Promise<Response>, number, RegExp]>([
    ['400 for malformed JSON', () => postJson('{"quizId": '), 400, /non è JSON valido/],
    ['400 for a JSON array', () => postJson('[1,2]'), 400, /oggetto JSON/],
    [
      '415 for another content type',
      () => postJson('<lead/>', { 'Content-Type': 'application/xml' }),
      415,
      /Formato non supportato/,
    ],
    [
      '403 for a cross-site origin',
      () => postJson(validLead(), { Origin: 'https://evil.example' }),
      403,
      /non autorizzato/,
    ],
    ['413 for a body over 32 KB', () => postJson(validLead({ website: 'x'.repeat(40_000) })), 413, /troppo grande/],
  ])('%s, with an Italian message', async (_name, send, status, message) => {
    const res = await send();
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).toMatch(message);
    expect(text).not.toMatch(/at .*\.(m?js|ts):\d+|stack/i);
  });

  it('cuts off a chunked body over 32 KB while reading it', async () => {
    const big = new TextEncoder().encode(JSON.stringify(validLead({ website: 'y'.repeat(50_000) })));
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 4096) controller.enqueue(big.subarray(i, i + 4096));
        controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers 405 to other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(`${server.url}/api/leads`, { method, headers: { Origin: server.url } });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('names every invalid field in Italian (422), for contact fields and answers at once', async () => {
    const lead = validLead();
    const res = await postJson({
      ...lead,
      contact: { ...lead.contact, email: 'mario@', piva: '12345678901' },
      answers: { ...lead.answers, settore: 'astronautica', clienti: [] },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      email: 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.',
      piva: 'Questa partita IVA non è valida: controlla le cifre.',
      'q.settore': 'La risposta scelta non è valida: ricarica la pagina e riprova.',
      'q.clienti': 'Scegli una risposta per continuare.',
    });
  });

  it('never stores anything for a refused request', async () => {
    const before = readDb(dataDir).leads.length;
    await postJson('{"broken"');
    await postJson({ ...validLead(), contact: {} });
    expect(readDb(dataDir).leads.length).toBe(before);
  });
});

describe('POST /api/leads with the plain form (no JavaScript)', () => {
  it('stores the lead and redirects (303) to a signed result page', async () => {
    const res = await postForm(validLeadForm({ email: 'anna.form@example.it', marketing: 'si' }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/test-gratuito\/risultato\/\?id=[\w-]+&scade=\d+&firma=[\w-]+$/);
    const page = await (await fetch(server.url + location)).text();
    expect(page).toContain('Il risultato del tuo test');
    expect(page).toMatch(/class="result__title"[^>]*>(In target|Potenzialmente in target|Non ancora in target)</);
    const [row] = leadsWith('anna.form@example.it');
    expect(row).toMatchObject({ form: 'test-gratuito:form', spam: 0 });
    expect(readDb(dataDir).consents.find((c) => c.lead_id === row.id && c.purpose === 'marketing')).toMatchObject({
      granted: 1,
    });

    const forged = await fetch(server.url + location.replace(/firma=[\w-]+/, 'firma=falsa'));
    expect(forged.status).toBe(404);
    expect(await forged.text()).not.toContain('anna');
  });

  it('stores a double-submitted plain form once', async () => {
    const form = validLeadForm({ email: 'anna.doppia@example.it' });
    const [a, b] = await Promise.all([postForm(form), postForm(form)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(leadsWith('anna.doppia@example.it')).toHaveLength(1);
  });

  it('takes the island’s first question posted before its script ran to the plain form, answer kept, no error', async () => {
    const form = new URLSearchParams({ quiz_id: 'test-gratuito', quiz_version: validLeadForm().get('quiz_version')! });
    form.set('q.settore', validLeadForm().get('q.settore')!);
    const before = readDb(dataDir).leads.length;
    const res = await postForm(form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<form class="quiz quiz--plain" method="post" action="/api/leads"');
    expect(html).toMatch(new RegExp(`name="q\\.settore" value="${form.get('q.settore')}" checked`));
    expect(html).toContain('name="email"');
    expect(html).not.toContain('Controlla i campi evidenziati');
    expect(html).not.toContain('class="field__error"');
    expect(readDb(dataDir).leads).toHaveLength(before);
  });

  it('comes back (422) with the input kept and an Italian message next to each field', async () => {
    const form = validLeadForm({ email: 'anna@', cognome: '' });
    form.delete('q.settore');
    const res = await postForm(form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Controlla i campi evidenziati');
    expect(html).toContain('<a href="#campo-cognome">Cognome: Inserisci il cognome.</a>');
    expect(html).toMatch(
      /<a href="#domanda-settore">In quale settore[^<]*\? Scegli una risposta per continuare\.<\/a>/,
    );
    expect(html).toMatch(/<input id="campo-email" name="email" type="email" value="anna@"[^>]*aria-invalid="true"/);
    expect(html).toContain('Inserisci un indirizzo email valido, per esempio nome@azienda.it.');
    expect(html).toContain('Inserisci il cognome.');
    expect(html).toMatch(/id="domanda-settore"[\s\S]*?Scegli una risposta per continuare\./);
    expect(html).toContain('value="Anna"');
    expect(html).toMatch(/name="q\.clienti" value="aziende" checked/);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});
