import { describe, it, expect } from 'vitest';
import { leadsToCsv } from '../../../src/lib/leads/csv.ts';
import { csvCell } from '../../../src/lib/format/csv.ts';
import { quizSchema } from '../../../src/lib/quiz/schema.ts';
import { record, realQuiz, smallLead } from '../../support/lead-records.ts';
import { smallQuiz } from '../../support/quiz-fixtures.ts';

/** A small RFC 4180 reader, to check the CSV reads back as written. */
function parseCsv(text: string, sep = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "ciao"', '"say ""ciao"""'],
    ['due\nrighe', '"due\nrighe"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+39 333', "'+39 333"],
    // A phone number the server normalised: digits after +, a number to a spreadsheet, shown as it is.
    ['+393331234567', '+393331234567'],
    ['=1+393331234567', "'=1+393331234567"],
    ['+39333', "'+39333"],
    ['+3933312345678901', "'+3933312345678901"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['Mario\u001b[31m', 'Mario\\u{1b}[31m'],
    [undefined, ''],
  ])('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  // Every character a spreadsheet may read as the start of a formula, and the values around them.
  it.each<[string | number | boolean | null | undefined, string]>([
    [null, ''],
    ['', ''],
    [0, '0'],
    [72, '72'],
    [-3, "'-3"],
    [false, 'false'],
    [true, 'true'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['a-b+c@d', 'a-b+c@d'],
    ['due\r\nrighe', '"due\r\nrighe"'],
    ['a\rb', '"a\rb"'],
    ['"', '""""'],
    ["l'apostrofo", "l'apostrofo"],
  ])('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    [',', 'a,b', '"a,b"'],
    [',', 'a;b', 'a;b'],
    ['\t', 'a\tb', '"a\tb"'],
  ])('with separator %j, cell %j → %j', (separator, value, cell) => {
    expect(csvCell(value, separator)).toBe(cell);
  });

  it('starts with a BOM and a header, one row per lead, answers as readable text', () => {
    const lead = record(1);
    lead.contact.azienda = 'Rossi; "Figli" & C.';
    const csv = leadsToCsv([lead, record(2)], realQuiz);
    expect(csv.startsWith('\uFEFFid;ricevuto_il;nome;cognome;email')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    const header = rows[0];
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(first).toMatchObject({
      id: 'lead-1',
      azienda: 'Rossi; "Figli" & C.',
      email: 'mario.1@azienda.it',
      consenso_marketing: 'no',
      utm_source: 'newsletter',
    });
    expect(first[realQuiz.questions[0].text]).toBe(
      realQuiz.questions[0].options.find((o) => o.id === lead.answers[realQuiz.questions[0].id][0])!.label,
    );
  });
});

describe('CSV export of a lead, cell by cell', () => {
  const quiz = quizSchema.parse(smallQuiz());
  const header = [
    'id',
    'ricevuto_il',
    'nome',
    'cognome',
    'email',
    'telefono',
    'azienda',
    'partita_iva',
    'esito',
    'punteggio',
    'consenso_marketing',
    'articolo',
    'utm_source',
    'utm_medium',
    'utm_campaign',
    'utm_term',
    'utm_content',
    'versione_test',
    'spam',
    'da_verificare',
    'stato',
    'responsabile',
    'ricontattare_il',
    'Prima?',
    'Seconda?',
    'Facoltativa?',
  ];

  it('writes the header, then each lead: contact, outcome, consent, source, progress, answers', () => {
    const spam = smallLead({
      id: 'lead-2',
      contact: { nome: 'Eva', cognome: 'Neri', email: 'eva@neri.it', azienda: 'Neri' },
      answers: { q1: ['no'], q3: ['molto'] },
      score: { points: 0, min: 0, max: 15, percent: 0 },
      outcome: 'sparito',
      utm: { utm_campaign: 'autunno' },
      sourceArticle: undefined,
      submittedQuizVersion: '0',
      spamReason: 'honeypot',
      consents: [{ purpose: 'marketing', granted: false, noticeVersion: '1', form: 'f', at: 'a' }],
    });
    const worked = { ...smallLead(), status: 'meeting', owner: 'anna@sv.it', followUp: '2026-12-05' };
    const review = { ...smallLead({ id: 'lead-3', reviewReason: 'too-fast' }), status: 'new' };
    const csv = leadsToCsv([worked, spam, review], quiz, { separator: ',', bom: false });
    expect(csv.split('\r\n')).toEqual([
      header.join(','),
      [
        'lead-1',
        '"29/11/2026, 11:00"',
        'Mario',
        'Rossi',
        'mario@azienda.it',
        '+393331234567',
        'Rossi Srl',
        '12345678903',
        'Alto',
        '72',
        'sì',
        'definizione-di-networking',
        'newsletter',
        'email',
        '',
        '',
        '',
        '1',
        '',
        '',
        'appuntamento fissato',
        'anna@sv.it',
        '05/12/2026',
        'Sì',
        '"X, Z"',
        '',
      ].join(','),
      ['lead-2', '"29/11/2026, 11:00"', 'Eva', 'Neri', 'eva@neri.it', '', 'Neri', '', 'sparito', '0', 'no']
        .concat(['', '', '', 'autunno', '', '', '0', '"campo nascosto compilato: lo fa un programma, non una persona"'])
        .concat(['', '', '', '', 'No', '', 'Molto'])
        .join(','),
      expect.stringMatching(/^lead-3,.*,,compilato più in fretta di quanto faccia una persona,nuovo,,,/),
      '',
    ]);
  });

  it.each([
    [{}, '\uFEFFid;'],
    [{ bom: true }, '\uFEFFid;'],
    [{ bom: false }, 'id;'],
    [{ separator: ',' }, '\uFEFFid,'],
  ])('with options %j starts with %j', (options, start) => {
    const csv = leadsToCsv([], quiz, options);
    expect(csv.slice(0, start.length)).toBe(start);
    expect(csv.endsWith('Facoltativa?\r\n')).toBe(true);
  });

  it('says "no" when a lead has no marketing consent recorded', () => {
    const [, row] = leadsToCsv([smallLead({ consents: [] })], quiz, { bom: false }).split('\r\n');
    expect(row.split(';')[header.indexOf('consenso_marketing')]).toBe('no');
  });
});
