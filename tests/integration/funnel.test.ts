import { describe, it, expect, afterEach } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { validLead } from '../support/leads.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { teamClient } from '../support/team-client.ts';
import { answersFor } from '../../scripts/lib/sample-answers.ts';
import { beaconBody } from '../../src/lib/funnel/events.ts';

/*
 * The test's anonymous funnel (issue 16): a scripted run of visitors who stop at known
 * steps gives exact counts, per step, source, campaign and outcome; the database holds
 * counters and nothing personal; the team reads it as tables with bars, and as CSV.
 */
const quiz = loadRealQuiz();
const CONTACT = quiz.questions.length; // the contact step (fullResult: after-form)
const PASSWORD = 'una-password-di-prova-lunga';
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

/** One visitor: the beacons of every step up to `last`, as the island sends them (text/plain). */
async function visit(base: string, last: number, context: { sourceArticle?: string; utm: Record<string, string> }) {
  for (let step = 0; step <= last; step++) {
    const res = await fetch(`${base}/api/leads/funnel`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: base },
      body: beaconBody(quiz, step, context),
    });
    expect(res.status).toBe(204);
  }
}

async function submit(base: string, n: number, outcome: string, context: Record<string, unknown>) {
  const { token } = (await (await fetch(`${base}/api/leads/token`)).json()) as { token: string };
  const res = await fetch(`${base}/api/leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify(validLead({ startToken: token, answers: answersFor(quiz, outcome), context }, n)),
  });
  expect(res.status).toBe(201);
}

describe('the anonymous funnel', () => {
  it('counts a scripted run exactly, stores nothing personal, and shows it to the team', async () => {
    const dataDir = await tempDataDir();
    const s = await startServer({
      DATA_DIR: dataDir,
      LEADS_MIN_FILL_SECONDS: '0',
      LEADS_RATE_LIMIT: '1000',
      ADMIN_USER: 'titolare',
      ADMIN_PASSWORD: PASSWORD,
    });
    running.push(s);
    const fromArticle = { sourceArticle: 'definizione-di-networking', utm: {} };
    const fromCampaign = { utm: { utm_campaign: 'newsletter-dicembre', utm_source: 'newsletter' } };
    // 10 visitors from the article: 3 stop at question 1, 2 at question 5, 5 reach the contacts and 4 send.
    for (let i = 0; i < 3; i++) await visit(s.url, 0, fromArticle);
    for (let i = 0; i < 2; i++) await visit(s.url, 4, fromArticle);
    for (let i = 0; i < 5; i++) await visit(s.url, CONTACT, fromArticle);
    for (let i = 0; i < 4; i++) await submit(s.url, i, i < 3 ? 'in-target' : 'non-ancora-in-target', fromArticle);
    // 4 from the campaign: all reach question 2, 1 sends.
    for (let i = 0; i < 4; i++) await visit(s.url, 1, fromCampaign);
    await submit(s.url, 10, 'potenzialmente-in-target', fromCampaign);
    // Noise the server must ignore: another version, a step the test lacks, garbage.
    for (const body of [`${quiz.id}|vecchia|0||`, `${quiz.id}|${quiz.version}|${CONTACT + 1}||`, 'x', ''])
      expect(
        (
          await fetch(`${s.url}/api/leads/funnel`, {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain', Origin: s.url },
            body,
          })
        ).status,
      ).toBe(204);

    const db = new DatabaseSync(path.join(dataDir, 'site.db'), { readOnly: true });
    const rows = db.prepare('SELECT * FROM funnel_counts ORDER BY event, source, campaign').all() as Record<
      string,
      unknown
    >[];
    const columns = db.prepare("SELECT name FROM pragma_table_info('funnel_counts')").all() as { name: string }[];
    db.close();
    expect(columns.map((c) => c.name)).toEqual([
      'day',
      'quiz_id',
      'quiz_version',
      'event',
      'source',
      'campaign',
      'hits',
    ]);
    const hits = (event: string, source = '', campaign = '') =>
      Number(rows.find((r) => r.event === event && r.source === source && r.campaign === campaign)?.hits ?? 0);
    const art = 'definizione-di-networking';
    expect([0, 1, 2, 3, 4, 5, CONTACT].map((step) => hits(`step:${step}`, art))).toEqual([10, 7, 7, 7, 7, 5, 5]);
    expect([0, 1, 2].map((step) => hits(`step:${step}`, '', 'newsletter-dicembre'))).toEqual([4, 4, 0]);
    expect(hits('submitted', art)).toBe(4);
    expect(hits('outcome:in-target', art)).toBe(3);
    expect(hits('outcome:non-ancora-in-target', art)).toBe(1);
    expect(hits('submitted', '', 'newsletter-dicembre')).toBe(1);
    expect(rows.every((r) => r.quiz_version === quiz.version)).toBe(true);
    // Nothing personal: no email, name, phone, address or agent anywhere in the counters.
    expect(JSON.stringify(rows)).not.toMatch(/@|Mario|Rossi|333|127\.0\.0\.1|Mozilla|node/);

    const team = teamClient(() => s.url);
    expect((await team.signIn('titolare', PASSWORD)).res.status).toBe(303);
    // Scoped styles mark each element: read the markup without those attributes.
    const page = (await team.text('/admin/statistiche/')).body.replace(/ data-astro-cid-\w+/g, '');
    expect(page).toContain('Dove le persone lasciano il test');
    expect(page).toMatch(/<th scope="row">Domanda 1: [^<]+<\/th><td>14<\/td><td>3<\/td>/);
    // 5 reached the contacts and 5 leads arrived (one from the campaign, sent like a plain form: no beacons).
    expect(page).toMatch(/<th scope="row">Contatti<\/th><td>5<\/td><td>0<\/td>/);
    expect(page).toMatch(/<th scope="row">Inviati<\/th><td>5<\/td>/);
    expect(page).toContain('aria-hidden="true"');
    const csv = (await team.text('/admin/statistiche/esporta.csv')).body;
    expect(csv).toContain('definizione-di-networking;(nessuna);10;4;40\r\n');
    expect(csv).toContain('(nessuno);newsletter-dicembre;4;1;25\r\n');
    expect(csv).toContain('In target;3\r\n');
    console.log(
      `funnel: ${rows.length} counter rows for 14 visitors and 5 leads; step 0..contacts (article): ` +
        [0, 1, 2, 3, 4, 5, CONTACT].map((st) => hits(`step:${st}`, art)).join(', '),
    );
  });

  it('rate-limits beacons apart from leads, with 429 and never 5xx', async () => {
    const s = await startServer({ DATA_DIR: await tempDataDir() });
    running.push(s);
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++)
      statuses.push(
        (
          await fetch(`${s.url}/api/leads/funnel`, {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain', Origin: s.url },
            body: `${quiz.id}|${quiz.version}|0||`,
          })
        ).status,
      );
    expect(statuses.slice(0, 120).every((st) => st === 204)).toBe(true);
    expect(statuses.slice(120).every((st) => st === 429)).toBe(true);
    // The leads' own limit is untouched.
    expect((await fetch(`${s.url}/api/leads/token`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/leads/funnel`, { headers: { Origin: s.url } })).status).toBe(405);
  });
});
