import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { teamClient, type TeamClient } from '../support/team-client.ts';
import { seedLeads } from '../support/seed-leads.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { ROOT } from '../support/paths.ts';
import { openDb } from '../../src/server/storage/open.ts';
import { isoDay } from '../../src/lib/format/date.ts';
import { AccountStore } from '../../src/server/storage/account-store.ts';
import { startSmtp } from '../support/smtp.ts';
import { shiftedClock } from '../support/clock.ts';
import { postComment } from '../support/comments.ts';

/*
 * The team area as the sales team and the editors use it, over HTTP against the built
 * server with 20,000 leads in its SQLite file: people and roles, the pipeline, the audit
 * log, replies to comments.
 */

const OWNER_PASSWORD = 'la-password-del-titolare';
const LEADS = 20_000;
let server: RunningServer;
let dataDir: string;
let owner: TeamClient;

/** Runs `npm run admin:user` (the script, with the project's Node) against the test's data folder. */
function adminUser(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts/admin-user.ts'), ...args], {
    env: cleanEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
  });
}

/** A member who signs in with a temporary password and chooses their own, as the area makes them do. */
async function newMember(email: string, temporary: string, password: string): Promise<TeamClient> {
  const c = teamClient(() => server.url);
  expect((await c.signIn(email, temporary)).res.status).toBe(303);
  // A temporary password opens nothing but the page that replaces it.
  const elsewhere = await c.fetch('/admin/');
  expect([elsewhere.status, elsewhere.headers.get('location')]).toEqual([303, '/admin/account/']);
  const page = await c.text('/admin/account/');
  expect(page.body).toContain('Hai una password temporanea');
  const changed = await c.post('/admin/account/', {
    azione: 'password',
    attuale: temporary,
    nuova: password,
    ripeti: password,
    csrf: /name="csrf" value="([^"]+)"/.exec(page.body)![1],
  });
  expect(changed.res.status, changed.body).toBe(200);
  expect(changed.body).toContain('Password cambiata');
  expect((await c.fetch('/admin/')).status).toBe(200);
  return c;
}

/** The temporary password shown once: on the people page, or printed by the command. */
const temporaryOf = (text: string) =>
  /(?:<code class="admin-secret">|Temporary password: )([a-z2-9-]{19})\b/.exec(text)![1];

let sales: TeamClient;
let editor: TeamClient;

beforeAll(async () => {
  dataDir = await tempDataDir();
  const db = await openDb({ dataDir });
  await seedLeads(db, LEADS);
  await db.close();
  server = await startServer({
    DATA_DIR: dataDir,
    ADMIN_USER: 'titolare',
    ADMIN_PASSWORD: OWNER_PASSWORD,
    LEADS_MIN_FILL_SECONDS: '0',
    COMMENTS_FLOOD_SECONDS: '0',
  });
  owner = teamClient(() => server.url);
  expect((await owner.signIn('titolare', OWNER_PASSWORD)).res.status).toBe(303);

  // One member from the command line, one from the people page.
  const added = adminUser('add', 'Carla@Vendite.it', '--ruolo', 'commerciale', '--nome', 'Carla Conti');
  expect(added.status, added.stderr).toBe(0);
  sales = await newMember('carla@vendite.it', temporaryOf(added.stdout), 'sceglie una frase sua');

  const created = await owner.post('/admin/persone/', {
    azione: 'aggiungi',
    nome: 'Ettore Esposito',
    email: 'ettore@redazione.it',
    ruolo: 'redazione',
    csrf: await owner.csrf('/admin/persone/'),
  });
  expect(created.body).toContain('Account creato per Ettore Esposito.');
  editor = await newMember('ettore@redazione.it', temporaryOf(created.body), 'scrive articoli ogni giorno');
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('people and roles', () => {
  const routes: [string, number, number, number][] = [
    // path, then the status for titolare, commerciale, redazione
    ['/admin/', 200, 200, 200],
    ['/admin/account/', 200, 200, 200],
    ['/admin/contatti/', 200, 200, 403],
    ['/admin/contatti/seed-1/', 200, 200, 403],
    ['/admin/contatti/esporta.csv?q=seed-nessuno', 200, 200, 403],
    ['/admin/commenti/', 200, 403, 200],
    ['/admin/pubblicazione/', 200, 403, 200],
    ['/admin/privacy/', 200, 403, 403],
    ['/admin/privacy/esporta.json?email=a@b.it', 200, 403, 403],
    ['/admin/persone/', 200, 403, 403],
    ['/admin/registro/', 200, 403, 403],
    ['/admin/registro/esporta.csv', 200, 403, 403],
    ['/admin/non-esiste/', 404, 404, 404],
  ];

  it.each(routes)(
    'GET %s answers %i to the titolare, %i to a commerciale, %i to the redazione',
    async (p, ...codes) => {
      const statuses = [];
      for (const member of [owner, sales, editor]) statuses.push((await member.fetch(p)).status);
      expect(statuses).toEqual(codes);
    },
  );

  it('refuses a commerciale the erasure, the audit log and the people page, also by POST', async () => {
    const csrf = await sales.csrf('/admin/account/');
    for (const [p, fields] of [
      ['/admin/privacy/', { email: 'seed@esempio.it', conferma: 'si' }],
      ['/admin/persone/', { azione: 'aggiungi', nome: 'Intruso', email: 'x@y.it', ruolo: 'titolare' }],
      ['/admin/commenti/', { azione: 'approva', id: '1' }],
    ] as const) {
      const { res, body } = await sales.post(p, { ...fields, csrf });
      expect(res.status, p).toBe(403);
      expect(body).toContain('Il tuo ruolo non dà accesso');
    }
    const editorCsrf = await editor.csrf('/admin/account/');
    expect(
      (await editor.post('/admin/contatti/seed-1/', { azione: 'nota', nota: 'x', csrf: editorCsrf })).res.status,
    ).toBe(403);
  });

  it('shows the redazione no lead at all: not on the summary, not in the menu', async () => {
    const { body } = await editor.text('/admin/');
    expect(body).toContain('Commenti');
    expect(body).not.toMatch(/esempio\.it|Contatti per stato|Da ricontattare|href="\/admin\/contatti\/"/);
  });

  it('ends a disabled member’s sessions at once, and lets them back in when enabled', async () => {
    const added = adminUser('add', 'temporaneo@vendite.it', '--ruolo', 'commerciale');
    const temp = await newMember('temporaneo@vendite.it', temporaryOf(added.stdout), 'una password qualsiasi');
    const csrf = await owner.csrf('/admin/persone/');
    const disabled = await owner.post('/admin/persone/', { azione: 'disattiva', email: 'temporaneo@vendite.it', csrf });
    expect(disabled.body).toContain('non può più accedere');
    expect((await temp.fetch('/admin/')).status).toBe(303);
    expect((await temp.signIn('temporaneo@vendite.it', 'una password qualsiasi')).res.status).toBe(401);
    await owner.post('/admin/persone/', { azione: 'riattiva', email: 'temporaneo@vendite.it', csrf });
    expect((await temp.signIn('temporaneo@vendite.it', 'una password qualsiasi')).res.status).toBe(303);
  });

  it('ends every other session when a member changes password', async () => {
    const phone = teamClient(() => server.url);
    expect((await phone.signIn('carla@vendite.it', 'sceglie una frase sua')).res.status).toBe(303);
    const page = await sales.text('/admin/account/');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1];
    const wrong = await sales.post('/admin/account/', {
      azione: 'password',
      attuale: 'non è questa',
      nuova: 'una nuova password lunga',
      ripeti: 'una nuova password lunga',
      csrf,
    });
    expect([wrong.res.status, wrong.body.includes('La password attuale non è corretta.')]).toEqual([400, true]);
    const short = await sales.post('/admin/account/', {
      azione: 'password',
      attuale: 'sceglie una frase sua',
      nuova: 'corta',
      ripeti: 'corta',
      csrf,
    });
    expect(short.body).toContain('almeno 12 caratteri');
    const done = await sales.post('/admin/account/', {
      azione: 'password',
      attuale: 'sceglie una frase sua',
      nuova: 'cambia ancora la frase',
      ripeti: 'cambia ancora la frase',
      csrf,
    });
    expect(done.body).toContain('Password cambiata');
    // This browser goes on; the other device is out.
    expect((await sales.fetch('/admin/contatti/')).status).toBe(200);
    expect((await phone.fetch('/admin/contatti/')).status).toBe(303);
  });
});

describe('working the leads', () => {
  it('finds one lead among 20,000 by name, email, phone or company, on a small page', async () => {
    const target = await sales.text('/admin/contatti/seed-12345/');
    expect(target.res.status).toBe(200);
    const email = /mailto:([^?"]+)\?subject=/.exec(target.body)![1];
    const phone = /href="tel:\+39(\d+)"/.exec(target.body)![1];
    const [nome, cognome, number] = email.split(/[.@]/);
    // The email, the phone as typed, or name, surname and a number the person gave.
    for (const q of [email, `${phone.slice(0, 3)} ${phone.slice(3)}`, `${nome} ${cognome.toUpperCase()} ${number}`]) {
      const { res, body } = await sales.text(`/admin/contatti/?q=${encodeURIComponent(q)}&spam=inclusi`);
      expect(res.status).toBe(200);
      expect(body).toContain('href="/admin/contatti/seed-12345/"');
      expect(Buffer.byteLength(body), q).toBeLessThan(100_000);
    }
    const all = await sales.text('/admin/contatti/');
    expect(all.body).toMatch(/<strong>19\.\d{3}<\/strong>&nbsp;contatti · pagina 1 di \d+/);
    expect(Buffer.byteLength(all.body)).toBeLessThan(100_000);
  });

  it('moves a lead through the pipeline with owner, follow-up and a note, each in its history and the audit log', async () => {
    const id = 'seed-3';
    const csrf = await sales.csrf(`/admin/contatti/${id}/`);
    const today = isoDay(new Date());
    const saved = await sales.post(`/admin/contatti/${id}/`, {
      azione: 'salva',
      stato: 'meeting',
      responsabile: 'carla@vendite.it',
      ricontatto: today,
      csrf,
    });
    expect([saved.res.status, saved.res.headers.get('location')]).toEqual([
      303,
      `/admin/contatti/${id}/?esito=Salvato.`,
    ]);
    await sales.post(`/admin/contatti/${id}/`, { azione: 'nota', nota: 'Vuole un preventivo <entro venerdì>', csrf });
    const refused = await sales.post(`/admin/contatti/${id}/`, {
      azione: 'salva',
      stato: 'vinto',
      responsabile: '',
      ricontatto: '',
      csrf,
    });
    expect(refused.res.headers.get('location')).toContain(encodeURIComponent('Stato non valido'));

    const { body } = await sales.text(`/admin/contatti/${id}/`);
    expect(body).toMatch(/Carla Conti ha spostato il contatto da «contattato» a «appuntamento fissato»\./);
    expect(body).toContain('Carla Conti ha affidato il contatto a Carla Conti.');
    expect(body).toContain(`Carla Conti ha fissato il ricontatto al ${today.split('-').reverse().join('/')}.`);
    expect(body).toContain('<blockquote>Vuole un preventivo &lt;entro venerdì&gt;</blockquote>');
    expect(body).toMatch(
      /<time datetime="[^"]+">\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}<\/time> Carla Conti ha scritto una nota:/,
    );
    // One tap to call, write or message.
    expect(body).toMatch(/href="tel:\+39333\d{7}"/);
    expect(body).toContain('?subject=Il%20tuo%20test%20con%20Segnalazione%20Vincente');
    expect(body).toMatch(/href="https:\/\/wa\.me\/39333\d{7}\?text=Buongiorno%20/);

    // Due today: on her summary and in her filtered list.
    expect((await sales.text('/admin/')).body).toContain(`href="/admin/contatti/${id}/"`);
    const mine = await sales.text(`/admin/contatti/?responsabile=carla%40vendite.it&ricontatto=oggi`);
    expect(mine.body).toContain(`href="/admin/contatti/${id}/"`);
    expect(mine.body).toMatch(/<strong>1<\/strong>&nbsp;contatto /);

    const log = await owner.text('/admin/registro/');
    expect(log.body).toContain('<strong>Carla Conti</strong> ha aggiornato un contatto');
    expect(log.body).toContain('<strong>Carla Conti</strong> ha scritto una nota su un contatto');
    expect(log.body).toContain('<strong>Ettore Esposito</strong> è entrato nell’area riservata');
    expect(log.body).not.toContain('preventivo');
  });

  it('shows the same person’s tests together and marks a returning person in the list', async () => {
    // Every seventh seeded lead is the person of the lead before it.
    const { body } = await sales.text('/admin/contatti/seed-5/');
    expect(body).toContain('Altri test della stessa persona');
    expect(body).toContain('href="/admin/contatti/seed-6/"');
    const list = await sales.text(`/admin/contatti/?q=${encodeURIComponent(/mailto:([^?"]+)\?/.exec(body)![1])}`);
    expect(list.body.match(/<span class="admin-badge">2 test<\/span>/g)).toHaveLength(2);
  });

  it('writes an export in each exported lead’s history and in the audit log', async () => {
    const one = await sales.fetch('/admin/contatti/esporta.csv?responsabile=carla%40vendite.it');
    const csv = await one.text();
    expect(csv.split('\r\n')[1]).toMatch(/^seed-3;\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2};/);
    expect(csv).toContain(';appuntamento fissato;carla@vendite.it;');
    expect((await sales.text('/admin/contatti/seed-3/')).body).toContain(
      'Carla Conti ha esportato il contatto in CSV.',
    );
    const audit = await owner.fetch('/admin/registro/esporta.csv');
    const text = new TextDecoder().decode(new Uint8Array(await audit.arrayBuffer()));
    expect(text).toMatch(/carla@vendite\.it;ha esportato contatti in CSV;leads-export;;/);
  });
});

describe('comments', () => {
  it('lets the redazione reply as the site: the comment and the reply are published, threaded', async () => {
    const posted = await postComment(server.url, {
      nome: 'Lettrice Curiosa',
      email: 'lettrice@esempio.it',
      commento: 'Come si comincia a costruire una rete?',
    });
    const { id, status } = (await posted.json()) as { id: number; status: string };
    expect(status).toBe('pending');
    const csrf = await editor.csrf('/admin/commenti/');
    const reply = await editor.post('/admin/commenti/', {
      azione: 'rispondi',
      commento: String(id),
      risposta: 'Si comincia dai clienti soddisfatti: ne parliamo nel test gratuito.',
      csrf,
    });
    expect(reply.res.status).toBe(303);
    // The same reply sent twice (a double click) is published once.
    await editor.post('/admin/commenti/', {
      azione: 'rispondi',
      commento: String(id),
      risposta: 'Si comincia dai clienti soddisfatti: ne parliamo nel test gratuito.',
      csrf,
    });
    const thread = await (await fetch(`${server.url}/blog/definizione-di-networking/commenti/`)).text();
    const question = thread.indexOf(`id="commento-${id}"`);
    const answer = thread.indexOf('Si comincia dai clienti soddisfatti');
    expect(question).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(question);
    expect(thread.split('Si comincia dai clienti soddisfatti')).toHaveLength(2);
    expect(thread.slice(question, answer)).toContain('<ol class="comments__replies">');
    expect(thread.slice(question, answer)).toContain('risponde il team');
    const log = await owner.text('/admin/registro/');
    expect(log.body).toContain('<strong>Ettore Esposito</strong> ha risposto a un commento come Segnalazione Vincente');
  });
});

describe('the morning summary', () => {
  it('reaches a commerciale by email once a day, also across a restart', async () => {
    const dir = await tempDataDir();
    const db = await openDb({ dataDir: dir });
    const accounts = new AccountStore(db);
    await accounts.create({ email: 'carla@vendite.it', name: 'Carla Conti', role: 'commerciale', passwordHash: 'x' });
    await accounts.setDailySummary('carla@vendite.it', true);
    await seedLeads(db, 5, new Date('2026-12-01T06:00:00Z'));
    await db.close();
    const smtp = await startSmtp();
    // 8:30 in Rome: the server really reads that time (libfaketime).
    const env = {
      DATA_DIR: dir,
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'team@vendite.it',
      TZ: 'UTC',
      ...shiftedClock('@2026-12-01 07:30:00'),
    };
    try {
      for (const round of [1, 2]) {
        const running = await startServer(env);
        const deadline = Date.now() + 10_000;
        while (smtp.mails.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        // The second server has had time to run its job and deliver: nothing more comes.
        if (round === 2) await new Promise((r) => setTimeout(r, 1500));
        await running.stop();
      }
      expect(smtp.mails.map((m) => [m.to, m.subject])).toEqual([
        [['carla@vendite.it'], 'Riepilogo del 01/12/2026: 5 nuovi contatti, 0 da ricontattare'],
      ]);
      expect(smtp.mails[0].text).toContain('Buongiorno Carla,');
    } finally {
      await smtp.close();
    }
  });
});
