import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startSmtp } from '../support/smtp.ts';
import { eventually } from '../support/leads.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { ROOT } from '../support/paths.ts';
import { hasUnseenCharacters, withoutUnseen } from '../../src/lib/text/characters.ts';

const ARTICLE = 'definizione-di-networking';
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: RunningServer;
let dataDir: string;
const responses: string[] = [];

beforeAll(async () => {
  [smtp, dataDir] = await Promise.all([startSmtp(), tempDataDir()]);
  server = await startServer({
    DATA_DIR: dataDir,
    LEADS_MIN_FILL_SECONDS: '0',
    COMMENTS_FLOOD_SECONDS: '0',
    COMMENTS_RATE_LIMIT: '1000',
    SMTP_URL: smtp.url,
    NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
    COMMENTS_NOTIFY_TO: 'moderatori@segnalazionevincente.com',
    OUTBOX_POLL_SECONDS: '0.1',
  });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** Every page and answer seen, so a test can check that no email address ever leaks. */
async function text(res: Response): Promise<string> {
  const body = await res.text();
  responses.push(body);
  return body;
}

/** The start token the comments page carries in its form, as a reader's browser would send it. */
async function startToken(article = ARTICLE, base = server.url): Promise<string> {
  const page = await text(await fetch(`${base}/blog/${article}/commenti/`));
  return page.match(/name="start_token" value="([^"]+)"/)![1];
}

let n = 0;
async function comment(fields: Record<string, unknown>, base = server.url, headers: Record<string, string> = {}) {
  const body = {
    articolo: ARTICLE,
    nome: 'Lettore',
    email: `lettore.${++n}@example.it`,
    commento: `Un commento di prova numero ${n}.`,
    privacy_version: '2026-11-29',
    start_token: await startToken(String(fields.articolo ?? ARTICLE), base),
    ...fields,
  };
  const res = await fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base, ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: JSON.parse(await text(res)) as {
      id: number;
      status: string;
      error?: string;
      errors?: Record<string, string>;
    },
  };
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/comments.ts'), ...args], {
    env: cleanEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
  });
}

function rows(): Record<string, unknown>[] {
  const db = new DatabaseSync(path.join(dataDir, 'site.db'), { readOnly: true });
  try {
    return db.prepare('SELECT * FROM comments ORDER BY id').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** The HTML of the article's comments section, fetched from where the static page's script fetches it. */
async function sectionHtml(article = ARTICLE): Promise<string> {
  const page = await (await fetch(`${server.url}/blog/${article}/`)).text();
  const url = page.match(/data-sezione="([^"]+)"/)![1];
  const res = await fetch(server.url + url);
  expect(res.headers.get('cache-control')).toContain('no-store');
  expect(res.headers.get('x-robots-tag')).toBe('noindex');
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return text(res);
}

describe("an article's comments section", () => {
  it('is a fragment read on request, with a form that carries a fresh start token', async () => {
    const html = await sectionHtml();
    expect(html).toMatch(/^<h2 id="commenti-titolo">/);
    expect(html).not.toContain('<html');
    expect(html).toContain('action="/api/comments"');
    expect(html).toMatch(/name="start_token" value="comment\.\d+\./);
  });

  it.each(['non-esiste', 'Maiuscole', '..%2F..%2Fadmin'])('answers 404 for the article id %s', async (id) => {
    const res = await fetch(`${server.url}/blog/${id}/commenti/sezione/`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});

describe('moderation', () => {
  it('holds a first comment, tells the moderators, and publishes later ones once one is approved', async () => {
    const email = 'giulia@example.it';
    const first = await comment({ email, nome: 'Giulia Verdi', commento: 'Articolo <b>utile</b>: grazie!' });
    expect(first).toMatchObject({ status: 201, body: { status: 'pending' } });
    expect(await sectionHtml()).not.toContain('Articolo &lt;b&gt;utile');

    await eventually(() => smtp.mails.some((m) => m.subject.includes('Giulia Verdi')), 10_000, 'the moderators email');
    const mail = smtp.mails.find((m) => m.subject.includes('Giulia Verdi'))!;
    expect(mail.to).toEqual(['moderatori@segnalazionevincente.com']);
    expect(mail.html).toContain('Articolo &lt;b&gt;utile&lt;/b&gt;: grazie!');
    expect(mail.text).toContain(`npm run comments -- approve ${first.body.id}`);

    const listed = cli('list', '--pending');
    expect(listed.stdout).toContain(`#${first.body.id} [pending: primo commento di questo autore]`);
    expect(cli('approve', String(first.body.id)).stdout).toContain('approved');

    const section = await sectionHtml();
    expect(section).toContain('Articolo &lt;b&gt;utile&lt;/b&gt;: grazie!');
    expect(section).toMatch(/aria-hidden="true"[^>]*>GV</);

    const second = await comment({ email, nome: 'Giulia Verdi', commento: 'Torno a dire: ottimo.' });
    expect(second).toMatchObject({ status: 201, body: { status: 'approved' } });
    expect(await sectionHtml()).toContain('Torno a dire: ottimo.');
  });

  it('holds a trusted author’s comment with more than two links', async () => {
    const email = 'giulia@example.it';
    const linky = await comment({
      email,
      nome: 'Giulia Verdi',
      commento: 'Guarda https://a.it, https://b.it e www.c.it',
    });
    expect(linky.body.status).toBe('pending');
    expect(rows().find((r) => r.id === linky.body.id)).toMatchObject({ reason: 'too-many-links' });
  });

  it('refuses an exact duplicate (409) but answers a retry with the same key (201, once)', async () => {
    const key = 'chiave-commento-0000001';
    const a = await comment({ email: 'dup@example.it', commento: 'Lo stesso commento.', idempotency_key: key });
    const retry = await comment({ email: 'dup@example.it', commento: 'Lo stesso commento.', idempotency_key: key });
    expect([a.status, retry.status, retry.body.id]).toEqual([201, 201, a.body.id]);
    const again = await comment({ email: 'dup@example.it', commento: 'Lo stesso commento.' });
    expect(again).toMatchObject({ status: 409, body: { error: 'Hai già inviato questo commento.' } });
    expect(rows().filter((r) => r.email === 'dup@example.it')).toHaveLength(1);
  });

  it('threads a reply under the comment it answers, one level deep', async () => {
    const approvedId = rows().find((r) => r.status === 'approved')!.id as number;
    const reply = await comment({
      email: 'giulia@example.it',
      nome: 'Giulia Verdi',
      commento: 'Rispondo a me stessa.',
      risposta_a: approvedId,
    });
    expect(reply.body.status).toBe('approved');
    const replyToReply = await comment({
      email: 'giulia@example.it',
      nome: 'Giulia Verdi',
      commento: 'E ancora.',
      risposta_a: reply.body.id,
    });
    expect(rows().find((r) => r.id === replyToReply.body.id)).toMatchObject({ parent_id: approvedId });
    const section = await sectionHtml();
    expect(section).toMatch(
      new RegExp(
        `id="commento-${approvedId}"[\\s\\S]*?<ol class="comments__replies"[\\s\\S]*?id="commento-${reply.body.id}"`,
      ),
    );
    const missing = await comment({ commento: 'A un commento che non c’è.', risposta_a: 999999 });
    expect(missing).toMatchObject({
      status: 422,
      body: { errors: { risposta_a: expect.stringContaining('non è più disponibile') } },
    });
  });
});

describe('where comments are refused', () => {
  it.each([
    ['a missing article', 'non-esiste', 404, /non esiste/],
    ['an article with comments switched off', 'commenti-chiusi', 403, /sono chiusi/],
  ])('%s', async (_name, articolo, status, message) => {
    const res = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ articolo, nome: 'A', email: 'a@example.it', commento: 'Ciao', privacy_version: '1' }),
    });
    expect(res.status).toBe(status);
    expect(await text(res)).toMatch(message);
  });

  it('closes comments N days after publication when configured', async () => {
    const closing = await startServer({ DATA_DIR: await tempDataDir(), COMMENTS_CLOSE_AFTER_DAYS: '30' });
    try {
      const res = await fetch(`${closing.url}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: closing.url },
        body: JSON.stringify({
          articolo: 'secondo-articolo',
          nome: 'A',
          email: 'a@example.it',
          commento: 'Ciao',
          privacy_version: '1',
        }),
      });
      expect(res.status).toBe(403);
      for (const p of ['/blog/secondo-articolo/commenti/', '/blog/secondo-articolo/commenti/sezione/']) {
        const closed = await (await fetch(closing.url + p)).text();
        expect(closed, p).toContain('I commenti su questo articolo sono chiusi.');
        expect(closed, p).not.toContain('<form');
      }
    } finally {
      await closing.stop();
    }
  });

  it('guards against floods: "Stai commentando troppo velocemente"', async () => {
    const flood = await startServer({
      DATA_DIR: await tempDataDir(),
      COMMENTS_FLOOD_SECONDS: '60',
      LEADS_MIN_FILL_SECONDS: '0',
    });
    try {
      const first = await comment({ email: 'veloce@example.it' }, flood.url);
      const second = await comment({ email: 'veloce@example.it', commento: 'Un altro, subito.' }, flood.url);
      expect(first.status).toBe(201);
      expect(second.status).toBe(429);
      expect(second.body.error).toBe('Stai commentando troppo velocemente. Aspetta qualche secondo e riprova.');
    } finally {
      await flood.stop();
    }
  });
});

describe('POST /api/comments errors', () => {
  it.each<[string, Record<string, unknown>, Record<string, RegExp>]>([
    [
      'empty fields',
      { nome: '', email: '', commento: '' },
      { nome: /Inserisci il nome/, email: /Inserisci l'indirizzo email/, commento: /Scrivi il commento/ },
    ],
    ['a name over 245 characters', { nome: 'n'.repeat(246) }, { nome: /Al massimo 245/ }],
    ['an email over 100 characters', { email: `${'e'.repeat(95)}@example.it` }, { email: /Al massimo 100/ }],
    ['a javascript: site', { sito: 'javascript:alert(1)' }, { sito: /http:\/\/ o https:\/\// }],
    ['a site over 200 characters', { sito: `https://example.it/${'x'.repeat(190)}` }, { sito: /Al massimo 200/ }],
    ['a comment over 5,000 characters', { commento: 'c'.repeat(5001) }, { commento: /al massimo 5000/ }],
  ])('422 for %s, with the Italian message next to the field', async (_name, fields, expected) => {
    const res = await comment(fields);
    expect(res.status).toBe(422);
    for (const [field, message] of Object.entries(expected)) expect(res.body.errors?.[field]).toMatch(message);
  });

  it.each<[string, RequestInit, number]>([
    ['malformed JSON', { body: '{"articolo":', headers: { 'Content-Type': 'application/json' } }, 400],
    ['another content type', { body: 'x', headers: { 'Content-Type': 'application/xml' } }, 415],
    [
      'a body over 32 KB',
      { body: JSON.stringify({ commento: 'x'.repeat(40_000) }), headers: { 'Content-Type': 'application/json' } },
      413,
    ],
    [
      'a cross-site origin',
      { body: '{}', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' } },
      403,
    ],
  ])('%s → %i', async (_name, init, status) => {
    const res = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      ...init,
      headers: { Origin: server.url, ...(init.headers as Record<string, string>) },
    });
    expect(res.status).toBe(status);
    expect(await text(res)).not.toMatch(/at .*\.(m?js|ts):\d+/);
  });

  it('405 for other methods', async () => {
    const res = await fetch(`${server.url}/api/comments`, { headers: { Origin: server.url } });
    expect(res.status).toBe(405);
  });
});

describe('the plain form (no JavaScript)', () => {
  function postForm(fields: Record<string, string>) {
    return fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({
        articolo: ARTICLE,
        privacy_version: '2026-11-29',
        website: '',
        ...fields,
      }).toString(),
      redirect: 'manual',
    });
  }

  it('goes back to the article’s comments with "in attesa di moderazione"', async () => {
    const res = await postForm({ nome: 'Paolo', email: 'paolo@example.it', commento: 'Dal modulo senza JavaScript.' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe(`/blog/${ARTICLE}/commenti/?stato=in-attesa#esito`);
    expect(await text(await fetch(server.url + location))).toContain('Il tuo commento è in attesa di moderazione');
  });

  it('comes back (422) with the input kept and the errors listed', async () => {
    const res = await postForm({ nome: 'Paolo', email: 'paolo@', commento: 'Testo da non perdere.' });
    expect(res.status).toBe(422);
    const html = await text(res);
    expect(html).toContain('Il commento non è stato inviato:');
    expect(html).toContain('Inserisci un indirizzo email valido');
    expect(html).toMatch(/<textarea[^>]*>Testo da non perdere\.<\/textarea>/);
    expect(html).toMatch(/id="commento-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="commento-email"/);
  });

  it('takes a honeypot as spam, answered like a success, shown to nobody', async () => {
    const res = await postForm({
      nome: 'Bot',
      email: 'bot@example.it',
      commento: 'Compra ora',
      website: 'http://spam.example',
    });
    expect(res.status).toBe(303);
    expect(rows().find((r) => r.email === 'bot@example.it')).toMatchObject({ status: 'spam', reason: 'honeypot' });
  });
});

describe('what commenters send is stored as sent (invisible controls dropped) and rendered inert', () => {
  const corpus = [
    '<script>alert("xss")</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    "'; DROP TABLE comments; --",
    '[link](javascript:alert(1)) **grassetto**',
    'Testo con \u202Econtrario\u202C e zero\u200Bwidth',
    '{{ 7*7 }} ${7*7} <!-- commento -->',
  ];

  // Bidi overrides and zero-width spaces are dropped from a comment (and refused in a name).
  const stored = (payload: string) => withoutUnseen(payload).trim();

  it('stores each payload as sent and never renders it as HTML', async () => {
    const author = 'xss@example.it';
    for (const payload of corpus) {
      const res = await comment({
        email: author,
        nome: hasUnseenCharacters(payload) ? 'Prova' : `Nome ${payload}`.slice(0, 200),
        commento: payload,
        sito: 'https://example.it/"><script>alert(1)</script>',
      });
      expect(res.status, payload).toBe(201);
      expect(rows().find((r) => r.id === res.body.id)?.text).toBe(stored(payload));
      // Each author here signs differently: a moderator publishes them.
      cli('approve', String(res.body.id));
    }
    // Parsed as a browser would: attribute values may hold "<" harmlessly, so look at the elements built.
    const { Window } = await import('happy-dom');
    const document = new Window().document;
    document.body.innerHTML = await sectionHtml();
    const comments = [...document.querySelectorAll('article.comment')];
    expect(comments.length).toBeGreaterThanOrEqual(corpus.length);
    expect([...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert'))).toEqual([]);
    expect(
      document.querySelectorAll('article.comment img, article.comment svg, article.comment b, article.comment strong'),
    ).toHaveLength(0);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
    );
    expect(handlers).toEqual([]);
    expect(document.querySelectorAll('a[href^="javascript:"]')).toHaveLength(0);
    const bodies = comments.map((c) => c.querySelector('.comment__body > p:not(.comment__meta)')?.textContent ?? '');
    for (const payload of corpus) expect(bodies).toContain(stored(payload));
    const link = comments.map((c) => c.querySelector('a.comment__author')).find(Boolean)!;
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(link.getAttribute('href')).toBe('https://example.it/"><script>alert(1)</script>');
  });
});

describe('privacy', () => {
  it('never shows a commenter’s email address in any page or answer', async () => {
    responses.push(await sectionHtml(), await (await fetch(`${server.url}/blog/${ARTICLE}/commenti/`)).text());
    const emails = rows().map((r) => String(r.email));
    expect(emails.length).toBeGreaterThan(5);
    const leaks = responses.flatMap((body) => emails.filter((e) => body.includes(e)));
    expect(leaks).toEqual([]);
  });
});
