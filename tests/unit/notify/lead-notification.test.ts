import { describe, it, expect } from 'vitest';
import { quizSchema } from '../../../src/lib/quiz/schema.ts';
import type { LeadRecord } from '../../../src/lib/leads/lead-record.ts';
import { leadEmail, leadWebhookBody, readableAnswers } from '../../../src/lib/notify/lead-notification.ts';
import { smallQuiz } from '../../support/quiz-fixtures.ts';
import { smallLead } from '../../support/lead-records.ts';

const quiz = quizSchema.parse(smallQuiz());

const lead = smallLead;

/** The text part as a map of "Label: value" rows. */
function rows(text: string): Record<string, string> {
  const head = text.split('\n\n')[0];
  return Object.fromEntries(
    head.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

describe('readableAnswers', () => {
  it.each<[string, Record<string, string[]>, { question: string; answer: string }[]]>([
    [
      'labels in the test order, several joined by commas',
      { q2: ['x', 'z'], q1: ['si'] },
      [
        { question: 'Prima?', answer: 'Sì' },
        { question: 'Seconda?', answer: 'X, Z' },
      ],
    ],
    [
      'unanswered and empty questions left out',
      { q1: [], q3: ['poco'] },
      [{ question: 'Facoltativa?', answer: 'Poco' }],
    ],
    ['an option the test no longer has, by its id', { q1: ['forse'] }, [{ question: 'Prima?', answer: 'forse' }]],
    ['nothing answered', {}, []],
  ])('%s', (_name, answers, expected) => {
    expect(readableAnswers({ answers }, quiz)).toEqual(expected);
  });
});

describe('the lead email', () => {
  it('lists the lead, row by row, then the answers', () => {
    const mail = leadEmail(lead(), quiz);
    expect(mail.subject).toBe('Nuovo contatto dal test: Mario Rossi, Rossi Srl (Alto)');
    expect(rows(mail.text)).toEqual({
      Esito: 'Alto (72/100)',
      Nome: 'Mario Rossi',
      Email: 'mario@azienda.it',
      Telefono: '+393331234567',
      Azienda: 'Rossi Srl',
      'Partita IVA': '12345678903',
      'Consenso marketing': 'sì',
      'Articolo di provenienza': 'definizione-di-networking',
      'Campagna (UTM)': 'utm_source=newsletter, utm_medium=email',
      'Ricevuto il': '2026-11-29T10:00:00.000Z',
      Id: 'lead-1',
    });
    expect(mail.text.split('\n\n')[1]).toBe('Risposte:\n- Prima? Sì\n- Seconda? X, Z');
  });

  it('shows a dash for what the prospect did not give, and "no" without marketing consent', () => {
    const { telefono: _t, piva: _p, ...contact } = lead().contact;
    const mail = leadEmail(
      lead({
        contact,
        sourceArticle: undefined,
        utm: {},
        consents: [{ purpose: 'marketing', granted: false, noticeVersion: '1', form: 'f', at: 'a' }],
      }),
      quiz,
    );
    expect(rows(mail.text)).toMatchObject({
      Telefono: '—',
      'Partita IVA': '—',
      'Consenso marketing': 'no',
      'Articolo di provenienza': '—',
      'Campagna (UTM)': '—',
    });
  });

  it.each<[string, LeadRecord['consents'], string]>([
    ['none recorded', [], 'no'],
    [
      'the notice acknowledged, marketing refused',
      [
        { purpose: 'privacy-notice', granted: true, noticeVersion: '1', form: 'f', at: 'a' },
        { purpose: 'marketing', granted: false, noticeVersion: '1', form: 'f', at: 'a' },
      ],
      'no',
    ],
    [
      'marketing granted, listed first',
      [
        { purpose: 'marketing', granted: true, noticeVersion: '1', form: 'f', at: 'a' },
        { purpose: 'privacy-notice', granted: false, noticeVersion: '1', form: 'f', at: 'a' },
      ],
      'sì',
    ],
  ])('marketing consent: %s → %s', (_name, consents, shown) => {
    expect(rows(leadEmail(lead({ consents }), quiz).text)['Consenso marketing']).toBe(shown);
  });

  it('names an outcome the test no longer has by its id', () => {
    const mail = leadEmail(lead({ outcome: 'vecchio' }), quiz);
    expect(mail.subject).toBe('Nuovo contatto dal test: Mario Rossi, Rossi Srl (vecchio)');
    expect(rows(mail.text).Esito).toBe('vecchio (72/100)');
  });

  it('has an HTML part with the same rows and answers, every value escaped', () => {
    const contact = { ...lead().contact, nome: '<b>Eve</b>', azienda: 'R & "F"' };
    const mail = leadEmail(lead({ contact }), quiz);
    expect(mail.html.split('\n')).toEqual([
      '<h1>Nuovo contatto dal test: &lt;b&gt;Eve&lt;/b&gt; Rossi, R &amp; &quot;F&quot; (Alto)</h1>',
      '<table>',
      '<tr><th align="left">Esito</th><td>Alto (72/100)</td></tr>',
      '<tr><th align="left">Nome</th><td>&lt;b&gt;Eve&lt;/b&gt; Rossi</td></tr>',
      '<tr><th align="left">Email</th><td>mario@azienda.it</td></tr>',
      '<tr><th align="left">Telefono</th><td>+393331234567</td></tr>',
      '<tr><th align="left">Azienda</th><td>R &amp; &quot;F&quot;</td></tr>',
      '<tr><th align="left">Partita IVA</th><td>12345678903</td></tr>',
      '<tr><th align="left">Consenso marketing</th><td>sì</td></tr>',
      '<tr><th align="left">Articolo di provenienza</th><td>definizione-di-networking</td></tr>',
      '<tr><th align="left">Campagna (UTM)</th><td>utm_source=newsletter, utm_medium=email</td></tr>',
      '<tr><th align="left">Ricevuto il</th><td>2026-11-29T10:00:00.000Z</td></tr>',
      '<tr><th align="left">Id</th><td>lead-1</td></tr>',
      '</table>',
      '<h2>Risposte</h2>',
      '<ul>',
      '<li>Prima? <strong>Sì</strong></li>',
      '<li>Seconda? <strong>X, Z</strong></li>',
      '</ul>',
    ]);
  });

  it('keeps the subject on one line, whatever the prospect typed', () => {
    const contact = { ...lead().contact, nome: 'Eve\r\nBcc: x@y.z' };
    expect(leadEmail(lead({ contact }), quiz).subject).toBe(
      'Nuovo contatto dal test: Eve Bcc: x@y.z Rossi, Rossi Srl (Alto)',
    );
  });
});

describe('the webhook body', () => {
  it('carries the lead without internal fields', () => {
    expect(leadWebhookBody(lead())).toEqual({
      event: 'lead.created',
      lead: {
        id: 'lead-1',
        createdAt: '2026-11-29T10:00:00.000Z',
        quiz: { id: 'prova', version: '1' },
        contact: lead().contact,
        answers: { q1: ['si'], q2: ['x', 'z'] },
        score: { points: 14, min: -2, max: 20, percent: 72 },
        outcome: 'alto',
        categories: [{ id: 'b', percent: 50 }],
        marketingConsent: true,
        context: {
          utm: { utm_source: 'newsletter', utm_medium: 'email' },
          sourceArticle: 'definizione-di-networking',
          landingPath: '/blog/definizione-di-networking/',
        },
        review: null,
      },
    });
  });

  it('puts a lead to check first in the team email: subject and reason', () => {
    const email = leadEmail(lead({ reviewReason: 'token-missing' }), quiz);
    expect(email.subject).toMatch(/^\[Da verificare\] Nuovo contatto dal test: /);
    expect(email.text.split('\n')[0]).toBe('Da verificare: inviato senza il gettone di avvio della pagina');
    expect(email.html).toContain('<th align="left">Da verificare</th>');
    expect(leadEmail(lead(), quiz).subject).toMatch(/^Nuovo contatto dal test: /);
  });

  it('says when a lead needs a person to check it, with the reason in Italian', () => {
    expect(leadWebhookBody(lead({ reviewReason: 'too-fast' })).lead.review).toEqual({
      reason: 'too-fast',
      label: 'compilato più in fretta di quanto faccia una persona',
    });
  });

  it.each<[string, LeadRecord['consents'], boolean]>([
    ['granted', [{ purpose: 'marketing', granted: true, noticeVersion: '1', form: 'f', at: 'a' }], true],
    ['refused', [{ purpose: 'marketing', granted: false, noticeVersion: '1', form: 'f', at: 'a' }], false],
    [
      'only the privacy notice',
      [{ purpose: 'privacy-notice', granted: true, noticeVersion: '1', form: 'f', at: 'a' }],
      false,
    ],
    ['none recorded', [], false],
  ])('marketing consent %s → %s', (_name, consents, expected) => {
    expect(leadWebhookBody(lead({ consents })).lead.marketingConsent).toBe(expected);
  });
});
