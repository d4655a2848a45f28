import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import {
  emailNextStep,
  resultEmail,
  resultEmailDecision,
  type ResultEmailInput,
} from '../../../src/lib/notify/result-email.ts';
import { companySchema } from '../../../src/lib/content/company-schema.ts';
import { realQuiz } from '../../support/lead-records.ts';
import { LEVEL_COUNT } from '../../../src/lib/quiz/levels.ts';

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

/** The HTML as a mail client shows it: a document, and its text with each `<br>` as a line break. */
function read(html: string) {
  const doc = new new Window().DOMParser().parseFromString(html, 'text/html');
  for (const br of doc.querySelectorAll('br')) br.replaceWith('\u23ce');
  const shown = (el: { textContent: string | null }) =>
    (el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .replace(/\s*\u23ce\s*/g, '\n')
      .trim();
  // What the reader sees one after another: paragraphs, headings, and the cells that hold no block of their own.
  const blocks = [...doc.querySelectorAll('p, h1, h2, td')]
    .filter((el) => !el.querySelector('p, h1, h2, td'))
    .map((el) => ({ el, text: shown(el) }));
  return { doc, blocks, text: shown(doc.body) };
}

/** The words of a text, URLs aside (the HTML keeps them in its links). */
const words = (text: string) =>
  new Set(
    text
      .replace(/https?:\S+/g, ' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((w) => !b.has(w)).sort();

/** A lead with a category at each level: weakest to strongest, 1 to 4 segments. */
const everyLevel = [
  { id: 'relazioni', percent: 0 },
  { id: 'struttura', percent: 50 },
  { id: 'commerciale', percent: 75 },
  { id: 'mercato', percent: 90 },
];
const withLevels = (change: Partial<ResultEmailInput> = {}, outcome?: string) =>
  input({ lead: { ...input().lead, categories: everyLevel, outcome: outcome ?? 'non-ancora-in-target' }, ...change });
const bare = {
  ...realQuiz,
  categories: realQuiz.categories.map((c) => ({ id: c.id, label: c.label, reading: [] })),
};

const cases: [string, ResultEmailInput][] = [
  ...realQuiz.bands.map((b): [string, ResultEmailInput] => [
    `“${b.title}”, a category at each level`,
    withLevels({}, b.id),
  ]),
  [
    'no category, no reply-to, no phone',
    input({
      lead: { ...input().lead, categories: [] },
      replyTo: undefined,
      company: companySchema.parse({ nome: 'SV' }),
    }),
  ],
  ['categories without sentences', withLevels({ quiz: bare })],
];

describe('the result email as the prospect reads it', () => {
  it('the plain text, block by block: greeting, outcome, outcomes, explanation, categories, next step, link, team', () => {
    const band = realQuiz.bands[0];
    const category = (id: string) => realQuiz.categories.find((c) => c.id === id)!;
    const mail = resultEmail(withLevels());
    expect(mail.text.split('\n\n')).toEqual([
      'Ciao <b>Mario</b> Bcc: x@y.z,',
      `grazie per aver fatto il test gratuito di Segnalazione Vincente. Il tuo risultato: ${band.title}.\n${band.summary}`,
      'I possibili esiti: [Non ancora in target] · Potenzialmente in target · In target',
      ...band.body.split('\n\n'),
      [
        'I tuoi punti di forza',
        `- Mercato e offerta: punto di forza. ${category('mercato').strength}`,
        `- Processo commerciale: buono. ${category('commerciale').strength}`,
      ].join('\n'),
      [
        'Su cosa lavorare',
        `- Relazioni e passaparola: da costruire. ${category('relazioni').advice}`,
        `- Solidità e capacità: da rafforzare. ${category('struttura').advice}`,
      ].join('\n'),
      `Il prossimo passo: ${band.cta.label}\nhttps://www.example.it${band.cta.href}`,
      'Rivedi il tuo risultato (link valido fino al 29 dicembre 2026):\n' + input().resultUrl,
      'Hai domande? Rispondi a questa email: ti risponde una persona del nostro team.',
      '--\nSegnalazione Vincente S.r.l.\nP.IVA 01234567897\nTel. +39 02 1234 5678',
      'Ricevi questa email perché hai compilato il test gratuito sul nostro sito. Non ti iscrive ad alcuna newsletter.',
    ]);
  });

  it('the HTML, block by block, in the same order', () => {
    const band = realQuiz.bands[1];
    const category = (id: string) => realQuiz.categories.find((c) => c.id === id)!;
    const mail = resultEmail(withLevels({}, band.id));
    expect(read(mail.html).blocks.map((b) => b.text)).toEqual([
      'Segnalazione Vincente',
      'Ciao <b>Mario</b> Bcc: x@y.z,',
      'grazie per aver fatto il test gratuito. Il tuo risultato:',
      band.title,
      band.summary,
      band.nextStep!.title,
      'Non ancora in target · Potenzialmente in target · In target',
      ...band.body.split('\n\n'),
      'I tuoi punti di forza',
      `Mercato e offerta · Punto di forza ${category('mercato').strength}`,
      `Processo commerciale · Buono ${category('commerciale').strength}`,
      'Su cosa lavorare',
      `Relazioni e passaparola · Da costruire ${category('relazioni').advice}`,
      `Solidità e capacità · Da rafforzare ${category('struttura').advice}`,
      'Rivedi il tuo risultato sul sito (il link vale fino al 29 dicembre 2026).',
      'Hai domande? Rispondi a questa email: ti risponde una persona del nostro team.',
      'Segnalazione Vincente S.r.l.\nP.IVA 01234567897\nTel. +39 02 1234 5678\n\n' +
        'Ricevi questa email perché hai compilato il test gratuito sul nostro sito. Non ti iscrive ad alcuna newsletter.',
    ]);
  });

  it.each(cases)('%s: the plain text says what the HTML says, in the same words', (_, given) => {
    const mail = resultEmail(given);
    const text = words(mail.text);
    const html = words(read(mail.html).text);
    // The text names the ladder ("I possibili esiti") and the next step ("Il prossimo passo"), which the HTML shows
    // as a line and a button; the link is "valido" in one, "vale" in the other.
    expect(['esiti', 'passo', 'possibili', 'prossimo', 'valido']).toEqual(expect.arrayContaining(minus(text, html)));
    expect(['vale']).toEqual(expect.arrayContaining(minus(html, text)));
  });

  it.each(cases)('%s: one blank line between blocks, none at either end', (_, given) => {
    const { text } = resultEmail(given);
    expect(text).not.toMatch(/\n\n\n|^\s|\s$/);
    expect(text.split('\n\n').every((block) => block.trim() === block && block !== '')).toBe(true);
  });

  it.each(cases)('%s: the signature, line by line, is the HTML’s footer', (_, given) => {
    const mail = resultEmail(given);
    const signature = mail.text.split('\n\n').find((block) => block.startsWith('--\n'))!;
    const footer = read(mail.html).blocks.at(-1)!.text;
    expect(footer.split('\n\n')[0]).toBe(signature.slice('--\n'.length));
  });

  it.each(cases)('%s: each category’s bar fills one segment of four per level', (_, given) => {
    const { blocks } = read(resultEmail(given).html);
    const rows = blocks.filter((b) => b.el.tagName === 'TD' && b.el.querySelector('strong'));
    expect(rows).toHaveLength(given.lead.categories.length);
    for (const { el, text } of rows) {
      const level = ['Da costruire', 'Da rafforzare', 'Buono', 'Punto di forza'].findIndex((l) =>
        text.includes(` · ${l}`),
      );
      const segments = [...el.querySelectorAll('span span')].map((s) => s.getAttribute('style'));
      expect(segments).toHaveLength(LEVEL_COUNT);
      expect(segments.filter((s) => s?.includes('background:#0b4f99'))).toHaveLength(level + 1);
      expect(segments.filter((s) => s?.includes('background:#d6dde7'))).toHaveLength(LEVEL_COUNT - level - 1);
    }
  });

  it.each(cases)('%s: every inline style is a list of `property: value`', (_, given) => {
    const { doc } = read(resultEmail(given).html);
    for (const el of doc.querySelectorAll('[style]')) {
      const declarations = el.getAttribute('style')!.split(';').filter(Boolean);
      for (const d of declarations) expect(d).toMatch(/^[a-z-]+:\s*\S/);
    }
  });

  it('sets the outcome apart: the sender and the ladder small, the summary bold, the current outcome strong', () => {
    const band = realQuiz.bands[2];
    const { blocks } = read(resultEmail(withLevels({}, band.id)).html);
    const block = (text: string) => blocks.find((b) => b.text === text)!.el;
    expect(block('Segnalazione Vincente').getAttribute('style')).toContain('font-size:14px');
    expect(block(band.summary).getAttribute('style')).toContain('font-weight:bold');
    const ladder = block('Non ancora in target · Potenzialmente in target · In target');
    expect(ladder.getAttribute('style')).toContain('font-size:14px');
    expect([...ladder.querySelectorAll('strong')].map((s) => s.textContent)).toEqual([band.title]);
  });

  it.each([
    ['a blank line', 'Primo.\n\nSecondo.'],
    ['a line of spaces', 'Primo.\n   \nSecondo.'],
    ['two blank lines', 'Primo.\n\n\nSecondo.'],
  ])('splits the outcome’s text into paragraphs at %s', (_, body) => {
    const quiz = { ...realQuiz, bands: realQuiz.bands.map((b) => ({ ...b, body })) };
    const mail = resultEmail(input({ quiz }));
    expect(mail.text).toContain('\n\nPrimo.\n\nSecondo.\n\n');
    const texts = read(mail.html).blocks.map((b) => b.text);
    expect(texts.slice(texts.indexOf('Primo.'), texts.indexOf('Primo.') + 2)).toEqual(['Primo.', 'Secondo.']);
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
