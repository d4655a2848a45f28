import { describe, it, expect } from 'vitest';
import { csvCell, leadsToCsv } from '../../../src/lib/leads/csv.ts';
import { record, realQuiz } from '../../support/lead-records.ts';

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
    ['+39333', "'+39333"],
    ['+3933312345678901', "'+3933312345678901"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', '\\u{9}=1'],
    ['Mario\u001b[31m', 'Mario\\u{1b}[31m'],
    [undefined, ''],
  ])('cell %j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
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
