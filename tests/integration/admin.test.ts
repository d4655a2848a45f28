import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { validLead, readDb } from '../support/leads.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { ROOT } from '../support/paths.ts';
import { teamClient } from '../support/team-client.ts';
import { postComment } from '../support/comments.ts';

const PASSWORD = 'una-password-di-prova-lunga';
let server: RunningServer;
let dataDir: string;
const seen: string[] = [];

beforeAll(async () => {
  dataDir = await tempDataDir();
  server = await startServer({
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: PASSWORD,
    LEADS_MIN_FILL_SECONDS: '0',
    COMMENTS_FLOOD_SECONDS: '0',
  });
});
afterAll(async () => {
  await server?.stop();
});

/** The owner from the settings, at work. */
function client(base = () => server.url) {
  const c = teamClient(base, seen);
  const signIn = c.signIn.bind(c);
  return Object.assign(c, { signIn: (password = PASSWORD) => signIn('admin', password) });
}

async function submitLead(n: number, overrides: Record<string, unknown> = {}) {
  const { token } = (await (await fetch(`${server.url}/api/leads/token`)).json()) as { token: string };
  const res = await fetch(`${server.url}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify(validLead({ startToken: token, ...overrides }, n)),
  });
  return ((await res.json()) as { id: string }).id;
}

const ADMIN_GETS = [
  '/admin/',
  '/admin/contatti/',
  '/admin/contatti/qualcosa/',
  '/admin/contatti/esporta.csv',
  '/admin/commenti/',
  '/admin/privacy/',
  '/admin/privacy/esporta.json?email=a@b.it',
];

describe('access to the team area', () => {
  it.each(ADMIN_GETS)('GET %s without a session goes to the sign-in page', async (p) => {
    const res = await fetch(server.url + p, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/admin/accesso/?dopo=${encodeURIComponent(p.includes('.') ? p : p)}`.replace('%3F', '%3F'),
    );
  });

  it.each(['/admin/commenti/', '/admin/privacy/', '/admin/esci/', '/admin/contatti/qualcosa/'])(
    'POST %s without a session is refused (401)',
    async (p) => {
      const res = await fetch(server.url + p, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'azione=approva&id=1',
      });
      expect(res.status).toBe(401);
    },
  );

  it('refuses a wrong password, then locks the client out after five failures', async () => {
    const own = await startServer({ DATA_DIR: await tempDataDir(), ADMIN_PASSWORD: PASSWORD });
    try {
      const c = client(() => own.url);
      const wrong = await c.signIn('sbagliata-sbagliata');
      expect(wrong.res.status).toBe(401);
      expect(wrong.body).toContain('Email (o nome utente) o password non corretti.');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.signIn('ancora-sbagliata')).res.status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      // Locked out: even the right password waits.
      const right = await c.signIn();
      expect(right.res.status).toBe(429);
      expect(right.body).toContain('Troppi tentativi');
    } finally {
      await own.stop();
    }
  });

  it('opens a session with a strict, HttpOnly cookie limited to /admin', async () => {
    const fresh = await startServer({ DATA_DIR: await tempDataDir(), ADMIN_PASSWORD: PASSWORD });
    try {
      const res = await fetch(`${fresh.url}/admin/accesso/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: fresh.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ utente: 'admin', password: PASSWORD }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^sv_admin=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toMatch(/Path=\/admin/);
      expect(cookie).toMatch(/Max-Age=28800/);
      // Served over plain HTTP here; behind HTTPS the same cookie carries Secure.
      expect(cookie).not.toMatch(/Secure/i);
    } finally {
      await fresh.stop();
    }
  });

  it('requires the CSRF token on every state-changing form', async () => {
    const c = client();
    await c.signIn();
    const missing = await c.post('/admin/commenti/', { azione: 'approva', id: '1' });
    const wrong = await c.post('/admin/commenti/', { azione: 'approva', id: '1', csrf: 'falso' });
    const right = await c.post('/admin/commenti/', { azione: 'approva', id: '1', csrf: await c.csrf() });
    expect([missing.res.status, wrong.res.status, right.res.status]).toEqual([403, 403, 303]);
  });

  it('ends a session when it expires, and at sign-out', async () => {
    const short = await startServer({
      DATA_DIR: await tempDataDir(),
      ADMIN_PASSWORD: PASSWORD,
      ADMIN_SESSION_HOURS: '0.0003',
    });
    try {
      const c = client(() => short.url);
      await c.signIn();
      expect((await c.fetch('/admin/')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await c.fetch('/admin/')).status).toBe(303);
    } finally {
      await short.stop();
    }
    const c = client();
    await c.signIn();
    expect((await c.post('/admin/esci/', { csrf: await c.csrf() })).res.status).toBe(303);
    expect((await c.fetch('/admin/')).status).toBe(303);
  });

  it('is closed, with a clear message, when no password is configured', async () => {
    const closed = await startServer({ DATA_DIR: await tempDataDir() });
    try {
      const res = await fetch(`${closed.url}/admin/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('nessuna password è configurata');
      expect(closed.output()).toContain('team area closed');
    } finally {
      await closed.stop();
    }
  });

  it('is never indexed', async () => {
    const c = client();
    await c.signIn();
    const res = await c.fetch('/admin/');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow">');
    const sitemap = readFileSync(path.join(ROOT, '.test-build/dist/client/sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/admin');
    expect(sitemap).not.toContain('/test-gratuito/risultato');
    expect(sitemap).toContain('/test-gratuito/');
  });
});

describe('publishing in the team area', () => {
  it('lists the scheduled articles with their date and time in Rome, and says whether publishing is automatic', async () => {
    const team = client();
    await team.signIn();
    const { res, body } = await team.text('/admin/pubblicazione/');
    expect(res.status).toBe(200);
    expect(body).toContain('Articolo programmato FIXTURE-FUTURE-91c2');
    expect(body).toMatch(/<time datetime="2999-01-01T00:00:00.000Z">01\/01\/2999, 01:00<\/time>/);
    expect(body).not.toContain('Bozza di prova');
    // Started without the supervisor (npm run serve): nothing publishes by itself, and the page says so.
    expect(body).toContain('Non attiva: questo server è stato avviato senza');
  });
});

describe('leads in the team area', () => {
  it('filters and exports the same rows as the database, user text intact', async () => {
    const tricky = 'Rossi; "Figli" & C.';
    const id = await submitLead(41, {
      contact: { ...validLead({}, 41).contact, azienda: tricky },
      consent: { ...validLead().consent, marketing: true },
    });
    await submitLead(42);
    const c = client();
    await c.signIn();
    const { body } = await c.text('/admin/contatti/?marketing=si');
    expect(body).toContain(`/admin/contatti/${id}/`);
    const res = await c.fetch('/admin/contatti/esporta.csv?marketing=si');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Read as bytes: Response.text() would drop the BOM Excel needs.
    const raw = new Uint8Array(await res.arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = { body: new TextDecoder().decode(raw.slice(3)) };
    expect(csv.body.startsWith('id;ricevuto_il;')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    const ids = lines.slice(1).map((l) => l.split(';')[0]);
    const db = readDb(dataDir);
    const withMarketing = db.consents.filter((k) => k.purpose === 'marketing' && k.granted === 1).map((k) => k.lead_id);
    expect(ids.sort()).toEqual(
      db.leads
        .filter((l) => l.spam === 0 && withMarketing.includes(l.id))
        .map((l) => String(l.id))
        .sort(),
    );
    expect(csv.body).toContain('"Rossi; ""Figli"" & C."');
  });

  it('shows a lead with its answers, consent, source and deliveries; marks it contacted', async () => {
    const id = await submitLead(43);
    const c = client();
    await c.signIn();
    const { body } = await c.text(`/admin/contatti/${id}/`);
    expect(body).toContain('In quale settore opera principalmente la tua azienda?');
    expect(body).toContain('informativa del 2026-11-29');
    expect(body).toContain('utm_source=newsletter');
    expect(body).toContain('canale non configurato');
    const saved = await c.post(`/admin/contatti/${id}/`, {
      azione: 'salva',
      stato: 'contacted',
      responsabile: '',
      ricontatto: '',
      csrf: await c.csrf(),
    });
    expect(saved.res.status).toBe(303);
    expect(readDb(dataDir).leads.find((l) => l.id === id)).toMatchObject({ status: 'contacted' });
  });
});

describe('personal data requests and retention', () => {
  it('exports everything about an email, then erases it without a trace in the database file', async () => {
    const email = 'da.cancellare@example.it';
    await submitLead(44, { contact: { ...validLead({}, 44).contact, email } });
    const posted = await postComment(server.url, {
      nome: 'Persona Da Cancellare',
      email,
      sito: 'https://persona.example.it',
      commento: 'Un commento che resterà, anonimo.',
    });
    const commentId = ((await posted.json()) as { id: number }).id;
    const c = client();
    const signedIn = await c.signIn();
    expect(signedIn.res.status, signedIn.body).toBe(303);
    await c.post('/admin/commenti/', { azione: 'approva', id: String(commentId), csrf: await c.csrf() });

    const exported = JSON.parse((await c.text(`/admin/privacy/esporta.json?email=${encodeURIComponent(email)}`)).body);
    expect(exported.leads).toHaveLength(1);
    expect(exported.comments).toHaveLength(1);
    expect(exported.consents).toHaveLength(2);

    const erased = await c.post('/admin/privacy/', { email, conferma: 'si', csrf: await c.csrf('/admin/privacy/') });
    expect(erased.body).toContain('1 contatti, 0 commenti eliminati, 1 commenti pubblicati resi anonimi');

    const files = readdirSync(dataDir).map((f) => readFileSync(path.join(dataDir, f)));
    expect(
      files.filter(
        (bytes) =>
          bytes.includes(email) || bytes.includes('Persona Da Cancellare') || bytes.includes('persona.example.it'),
      ),
    ).toEqual([]);
    const page = await (await fetch(`${server.url}/blog/definizione-di-networking/commenti/`)).text();
    expect(page).toContain('Un commento che resterà, anonimo.');
    expect(page).toMatch(new RegExp(`id="commento-${commentId}"[\\s\\S]*?Anonimo`));
    const log = new DatabaseSync(path.join(dataDir, 'site.db'), { readOnly: true })
      .prepare("SELECT counts FROM privacy_log WHERE action = 'erasure'")
      .all();
    // The held comment's notification row (skipped here: no SMTP) goes too; the lead's rows go with the lead.
    expect(log.map((r) => JSON.parse(String(r.counts)))).toContainEqual({
      leads: 1,
      commentsDeleted: 0,
      commentsAnonymised: 1,
      deliveries: 1,
    });
    // Afterwards the person is nowhere: a new search finds nothing, lists and the moderation queue never name them.
    const search = await c.text(`/admin/privacy/?email=${encodeURIComponent(email)}`);
    expect(search.body).toContain('0 contatti, 0 consensi, 0 commenti, 0 notifiche');
    for (const p of ['/admin/contatti/?spam=inclusi', '/admin/commenti/', '/admin/contatti/esporta.csv?spam=inclusi']) {
      expect((await c.text(p)).body).not.toContain(email);
    }
  });

  it('removes exactly what is past its retention period', async () => {
    const dir = await tempDataDir();
    const db = new DatabaseSync(path.join(dir, 'site.db'));
    db.close();
    // Create the schema through the CLI, then age some rows by hand.
    const run = () =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/retention.ts')], {
        env: cleanEnv({ DATA_DIR: dir }),
        encoding: 'utf8',
      });
    expect(run().status).toBe(0);
    const w = new DatabaseSync(path.join(dir, 'site.db'));
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const lead =
      w.prepare(`INSERT INTO leads (id, created_at, idempotency_key, payload_hash, form, quiz_id, quiz_version, submitted_quiz_version, nome, cognome, email, azienda, answers, score_points, score_min, score_max, score_percent, outcome, categories, utm, spam)
      VALUES (?, ?, ?, 'h', 'f', 'q', '1', '1', 'N', 'C', 'e@x.it', 'A', '{}', 0, 0, 1, 0, 'o', '[]', '{}', ?)`);
    lead.run('old', day(800), 'k1', 0);
    lead.run('young', day(700), 'k2', 0);
    lead.run('old-spam', day(31), 'k3', 1);
    lead.run('young-spam', day(29), 'k4', 1);
    const comment = w.prepare(
      `INSERT INTO comments (article_id, name, email, text, status, created_at, idempotency_key, payload_hash, form, privacy_notice_version, privacy_text_id) VALUES ('a', 'N', 'e@x.it', 't', ?, ?, ?, 'h', 'f', '1', 'p')`,
    );
    comment.run('pending', day(31), 'c1');
    comment.run('pending', day(29), 'c2');
    comment.run('approved', day(900), 'c3');
    comment.run('spam', day(31), 'c4');
    w.close();
    const result = run();
    expect(result.stdout).toContain(
      'removed {"leads":1,"spamLeads":1,"spamComments":1,"unapprovedComments":1,"auditEntries":0,"dailySummaries":0}',
    );
    const r = new DatabaseSync(path.join(dir, 'site.db'), { readOnly: true });
    expect(
      r
        .prepare('SELECT id FROM leads ORDER BY id')
        .all()
        .map((x) => x.id),
    ).toEqual(['young', 'young-spam']);
    expect(
      r
        .prepare('SELECT idempotency_key AS k FROM comments ORDER BY k')
        .all()
        .map((x) => x.k),
    ).toEqual(['c2', 'c3']);
    r.close();
  });
});
