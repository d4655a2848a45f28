import { describe, it, expect } from 'vitest';
import {
  emailNextStep,
  resultEmail,
  resultEmailDecision,
  type ResultEmailInput,
} from '../../../src/lib/notify/result-email.ts';
import { companySchema } from '../../../src/lib/content/company-schema.ts';
import { realQuiz } from '../../support/lead-records.ts';

const company = companySchema.parse({
  nome: 'Segnalazione Vincente',
  ragioneSociale: 'Segnalazione Vincente S.r.l.',
  partitaIva: '01234567897',
  email: 'ciao@example.it',
  telefono: '02 1234 5678',
});

const input = (change: Partial<ResultEmailInput> = {}, outcome = 'non-ancora-in-target'): ResultEmailInput => ({
  lead: {
    contact: {
      nome: ' <b>Mario</b>\r\nBcc: x@y.z ',
      cognome: 'Rossi',
      email: 'mario@azienda.it',
      azienda: 'Rossi Srl',
    },
    outcome,
    categories: [
      { id: 'relazioni', percent: 0 },
      { id: 'mercato', percent: 90 },
      { id: 'struttura', percent: 50 },
    ],
  },
  quiz: realQuiz,
  company,
  resultUrl: 'https://www.example.it/test-gratuito/risultato/?id=L1&scade=1&firma=abc',
  linkExpires: new Date('2026-12-29T10:00:00Z'),
  siteUrl: new URL('https://www.example.it'),
  replyTo: 'vendite@example.it',
  ...change,
});

describe('the result email', () => {
  it.each(realQuiz.bands.map((b) => [b.id, b.title]))('for "%s" names the outcome and the next step', (id, title) => {
    const mail = resultEmail(input({}, id));
    const band = realQuiz.bands.find((b) => b.id === id)!;
    expect(mail.subject).toBe(`Il risultato del tuo test: ${title}`);
    expect(mail.to).toEqual(['mario@azienda.it']);
    expect(mail.replyTo).toBe('vendite@example.it');
    const next = emailNextStep(band, input().resultUrl, new URL('https://www.example.it'));
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(title);
      expect(part).toContain(next.label);
      expect(part).toContain(next.href.replaceAll('&', part === mail.html ? '&amp;' : '&'));
    }
    expect(mail.text).toContain(`[${title}]`);
  });

  it('shows categories as levels with their sentences, strengths first, and never a score out of 100', () => {
    const mail = resultEmail(input());
    const text = mail.text;
    expect(text.indexOf('I tuoi punti di forza')).toBeLessThan(text.indexOf('Su cosa lavorare'));
    expect(text).toContain('- Mercato e offerta: punto di forza. Il valore di ogni nuovo cliente');
    expect(text).toContain('- Relazioni e passaparola: da costruire. Le segnalazioni nascono');
    expect(text).toContain('- Solidità e capacità: da rafforzare.');
    for (const part of [mail.text, mail.html]) expect(part).not.toMatch(/\d+\s*(su|\/)\s*100/);
  });

  it('links the signed result page with its expiry date, and signs with the company', () => {
    const mail = resultEmail(input());
    expect(mail.text).toContain('Rivedi il tuo risultato (link valido fino al 29 dicembre 2026):');
    expect(mail.text).toContain('https://www.example.it/test-gratuito/risultato/?id=L1&scade=1&firma=abc');
    expect(mail.html).toContain(
      'href="https://www.example.it/test-gratuito/risultato/?id=L1&amp;scade=1&amp;firma=abc"',
    );
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Segnalazione Vincente S.r.l.');
      expect(part).toContain('P.IVA 01234567897');
      expect(part).toContain('+39 02 1234 5678');
      expect(part).toContain('Rispondi a questa email');
    }
  });

  it('escapes the prospect’s name and keeps it on one line', () => {
    const mail = resultEmail(input());
    expect(mail.html).toContain('Ciao &lt;b&gt;Mario&lt;/b&gt; Bcc: x@y.z,');
    expect(mail.html).not.toContain('<b>Mario');
    expect(mail.text.split('\n')[0]).toBe('Ciao <b>Mario</b> Bcc: x@y.z,');
  });

  it('without a reply-to or a phone, promises no reply and shows no phone', () => {
    const mail = resultEmail(input({ replyTo: undefined, company: companySchema.parse({ nome: 'SV' }) }));
    expect(mail.replyTo).toBeUndefined();
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('Rispondi a questa email');
      expect(part).not.toContain('Tel.');
    }
  });

  it('leaves out sections with no category in them', () => {
    const mail = resultEmail(input({ lead: { ...input().lead, categories: [] } }));
    expect(mail.text).not.toContain('Su cosa lavorare');
    expect(mail.html).not.toContain('I tuoi punti di forza');
  });

  it('shows a category without a sentence by its level alone', () => {
    const bare = {
      ...realQuiz,
      categories: realQuiz.categories.map((c) => ({ id: c.id, label: c.label, reading: [] })),
    };
    const mail = resultEmail(input({ quiz: bare }));
    expect(mail.text).toContain('- Relazioni e passaparola: da costruire\n');
    expect(mail.html).not.toContain('Le segnalazioni nascono');
  });

  it('refuses an outcome the test does not have', () => {
    expect(() => resultEmail(input({}, 'sparito'))).toThrow('The test has no outcome "sparito"');
  });
});

describe('the email’s next step', () => {
  const site = new URL('https://www.example.it');
  const base = realQuiz.bands[0];
  it.each<[string, Partial<typeof base>, { label: string; href: string }]>([
    [
      'a call-back request: its form on the result page',
      { nextStep: { kind: 'richiamami', title: 'Scegli quando chiamarti' } },
      { label: 'Scegli quando chiamarti', href: 'https://r.it/x?id=1#prossimo-passo' },
    ],
    [
      'a booking page, with its own words',
      { nextStep: { kind: 'prenota', title: 'Prenota', href: 'https://cal.it/sv', label: 'Scegli il giorno' } },
      { label: 'Scegli il giorno', href: 'https://cal.it/sv' },
    ],
    [
      'a booking page, with the cta’s words',
      { nextStep: { kind: 'prenota', title: 'Prenota', href: 'https://cal.it/sv' } },
      { label: base.cta.label, href: 'https://cal.it/sv' },
    ],
    [
      'reading: the cta, made absolute',
      { nextStep: { kind: 'letture', title: 'Leggi' } },
      { label: base.cta.label, href: new URL(base.cta.href, site).href },
    ],
    [
      'no next step: the cta',
      { nextStep: undefined },
      { label: base.cta.label, href: new URL(base.cta.href, site).href },
    ],
  ])('%s', (_, change, expected) => {
    expect(emailNextStep({ ...base, ...change }, 'https://r.it/x?id=1', site)).toEqual(expected);
  });
});

describe('resultEmailDecision', () => {
  type Input = Parameters<typeof resultEmailDecision>[0];
  const base: Input = { emailConfigured: true, verdict: 'accept', sentToAddressToday: 0, maxPerDay: 3 };
  it.each<[string, Partial<Input>, string]>([
    ['a vouched lead', {}, 'send'],
    ['the last one allowed today', { sentToAddressToday: 2 }, 'send'],
    ['one more than allowed', { sentToAddressToday: 3 }, 'capped'],
    ['with the cap at 0', { maxPerDay: 0 }, 'capped'],
    ['a lead to check', { verdict: 'review' }, 'not-vouched'],
    ['spam', { verdict: 'spam' }, 'not-vouched'],
    ['email not configured', { emailConfigured: false }, 'email-off'],
  ])('%s → %s', (_, change, expected) => {
    expect(resultEmailDecision({ ...base, ...change })).toBe(expected);
  });
});
