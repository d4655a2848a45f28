import { describe, it, expect, afterEach } from 'vitest';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { startSmtp } from '../support/smtp.ts';
import { validLead, validLeadForm, readDb, eventually } from '../support/leads.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { answersFor } from '../../scripts/lib/sample-answers.ts';

/*
 * The prospect's result email (issue 16): queued with the lead, delivered over real SMTP,
 * HTML and text, with a signed link that opens their result page; never promised when
 * email is off; capped per address.
 */
const quiz = loadRealQuiz();
const running: RunningServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function server(env: Record<string, string> = {}) {
  const s = await startServer({
    DATA_DIR: env.DATA_DIR ?? (await tempDataDir()),
    LEADS_RATE_LIMIT: '1000',
    LEADS_MIN_FILL_SECONDS: '0',
    OUTBOX_POLL_SECONDS: '0.1',
    ...env,
  });
  running.push(s);
  return s;
}

async function withSmtp(env: Record<string, string> = {}) {
  const smtp = await startSmtp();
  cleanups.push(smtp.close);
  const s = await server({ SMTP_URL: smtp.url, NOTIFY_EMAIL_TO: 'team@segnalazionevincente.test', ...env });
  return { smtp, s };
}

async function submit(base: string, email: string, answers: Record<string, string[]>) {
  const { token } = (await (await fetch(`${base}/api/leads/token`)).json()) as { token: string };
  const lead = validLead({ startToken: token, answers });
  const res = await fetch(`${base}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ ...lead, contact: { ...lead.contact, email } }),
  });
  return { status: res.status, body: (await res.json()) as { id: string; emailed?: boolean } };
}

/** The result page's address in the email, moved onto the server under test. */
const linkIn = (text: string, base: string) => {
  const found = /https:\/\/\S+\/test-gratuito\/risultato\/\?\S+/.exec(text)?.[0];
  if (!found) throw new Error(`no result link in:\n${text}`);
  const url = new URL(found);
  return `${base}${url.pathname}${url.search}`;
};

describe('the result email', () => {
  it('reaches the prospect for each outcome, in HTML and text, with a link that opens their result', async () => {
    const { smtp, s } = await withSmtp();
    for (const band of quiz.bands) {
      const address = `${band.id}@azienda.it`;
      const { status, body } = await submit(s.url, address, answersFor(quiz, band.id));
      expect(status).toBe(201);
      expect(body.emailed).toBe(true);
      await eventually(() => smtp.mails.some((m) => m.to.includes(address)), 10_000, `the email to ${address}`);
      const mail = smtp.mails.find((m) => m.to.includes(address))!;
      expect(mail.subject).toBe(`Il risultato del tuo test: ${band.title}`);
      expect(mail.raw).toMatch(/^Reply-To: ciao@segnalazionevincente\.test/m);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain(band.title);
        expect(part).toContain(band.nextStep?.kind === 'richiamami' ? band.nextStep.title : band.cta.label);
        expect(part).toContain('Segnalazione Vincente S.r.l. di prova');
        expect(part).not.toMatch(/\d+\s*(su|\/)\s*100/);
      }
      expect(mail.html).toContain('<h1');

      const page = await fetch(linkIn(mail.text, s.url));
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`>${band.title}</h2>`);
      expect(html).toContain(`Ti abbiamo inviato il risultato all’indirizzo ${address}`);
      expect(html).not.toMatch(/\d+\s*su\s*100/);
      // Trust and referral beside the result: testimonials, and the test to pass on with the team's campaign.
      expect(html).toContain('Chi ha già scelto il metodo');
      expect(html).toContain('Conosci un’azienda a cui servirebbe?');
      expect(html).toContain(encodeURIComponent('utm_campaign=invita-un-collega'));
    }
    // The team's notifications still go to the team, one per lead.
    expect(smtp.mails.filter((m) => m.to.includes('team@segnalazionevincente.test'))).toHaveLength(quiz.bands.length);
  });

  it('a low scorer reads levels and what to work on, never "0 su 100"', async () => {
    const { smtp, s } = await withSmtp();
    const low = quiz.bands.find((b) => b.min === 0)!;
    await submit(s.url, 'basso@azienda.it', answersFor(quiz, low.id));
    await eventually(() => smtp.mails.some((m) => m.to.includes('basso@azienda.it')));
    const mail = smtp.mails.find((m) => m.to.includes('basso@azienda.it'))!;
    expect(mail.text).toContain('Su cosa lavorare');
    expect(mail.text).toContain('da costruire');
    const html = await (await fetch(linkIn(mail.text, s.url))).text();
    expect(html).toContain('Su cosa lavorare');
    expect(html).toContain('Da costruire');
    expect(html).not.toContain('0 su 100');
  });

  it('refuses a tampered or stretched link', async () => {
    const { smtp, s } = await withSmtp();
    await submit(s.url, 'link@azienda.it', answersFor(quiz, quiz.bands[0].id));
    await eventually(() => smtp.mails.some((m) => m.to.includes('link@azienda.it')));
    const link = new URL(linkIn(smtp.mails.find((m) => m.to.includes('link@azienda.it'))!.text, s.url));
    const stretched = new URL(link);
    stretched.searchParams.set('scade', String(Number(link.searchParams.get('scade')) + 86_400));
    const other = new URL(link);
    other.searchParams.set('id', '00000000-0000-0000-0000-000000000000');
    for (const bad of [stretched, other]) {
      const res = await fetch(bad);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Questo risultato non è disponibile');
    }
  });

  it('is sent at most RESULT_EMAIL_MAX_PER_DAY times to one address', async () => {
    const { smtp, s } = await withSmtp({ RESULT_EMAIL_MAX_PER_DAY: '2' });
    const answers = answersFor(quiz, quiz.bands[0].id);
    const emailed = [];
    for (let i = 0; i < 3; i++) emailed.push((await submit(s.url, 'stesso@azienda.it', answers)).body.emailed);
    expect(emailed).toEqual([true, true, false]);
    await eventually(() => smtp.mails.filter((m) => m.to.includes('stesso@azienda.it')).length === 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.filter((m) => m.to.includes('stesso@azienda.it'))).toHaveLength(2);
  });

  it('without email configured, nothing promises one: not the answer, not the plain form’s result page', async () => {
    const s = await server();
    const { body } = await submit(s.url, 'senza@azienda.it', answersFor(quiz, quiz.bands[2].id));
    expect(body.emailed).toBe(false);
    const res = await fetch(`${s.url}/api/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
      body: validLeadForm(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const page = await (await fetch(`${s.url}${res.headers.get('location')}`)).text();
    expect(page).toContain('Grazie, Anna: abbiamo ricevuto le tue risposte.');
    expect(page).not.toMatch(/inviato il risultato|ti scriveremo|riceverai/i);
  });

  it('the plain form’s result page says the email is on its way when it is', async () => {
    const { smtp, s } = await withSmtp();
    const res = await fetch(`${s.url}/api/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
      body: validLeadForm(),
      redirect: 'manual',
    });
    const page = await (await fetch(`${s.url}${res.headers.get('location')}`)).text();
    expect(page).toContain('Ti abbiamo inviato il risultato all’indirizzo anna@example.it.');
    await eventually(() => smtp.mails.some((m) => m.to.includes('anna@example.it')));
  });

  it('records the result email as the prospect’s, apart from the team’s notifications', async () => {
    const dataDir = await tempDataDir();
    const { smtp, s } = await withSmtp({ DATA_DIR: dataDir });
    const { body } = await submit(s.url, 'righe@azienda.it', answersFor(quiz, quiz.bands[1].id));
    await eventually(() => smtp.mails.some((m) => m.to.includes('righe@azienda.it')));
    await eventually(() => readDb(dataDir).outbox.every((o) => o.status !== 'pending'));
    const rows = readDb(dataDir).outbox.filter((o) => o.lead_id === body.id);
    expect(rows.map((o) => [o.channel, o.purpose, o.status])).toEqual([
      ['email', 'team', 'sent'],
      ['webhook', 'team', 'skipped'],
      ['email', 'result', 'sent'],
    ]);
  });
});
