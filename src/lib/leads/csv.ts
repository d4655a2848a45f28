import type { LeadRecord } from './lead-record.ts';
import type { Quiz } from '../quiz/schema.ts';
import { readableAnswers } from '../notify/lead-notification.ts';
import { UTM_KEYS } from './utm.ts';
import { printable } from '../text/characters.ts';

export interface CsvOptions {
  /** `;` by default: Italian Excel reads it as the column separator. */
  separator?: string;
  /** A byte order mark, so Excel reads the file as UTF-8 (accents, €). */
  bom?: boolean;
}

/**
 * One cell: quoted when it holds the separator, a quote or a line break; a leading
 * `= + - @` is neutralised with an apostrophe so a spreadsheet never runs it as a formula,
 * except a phone number the server wrote itself (`+39` and digits: a number, never a
 * formula, and an apostrophe would show in the cell). Control characters are made visible.
 */
export function csvCell(value: string | number | boolean | null | undefined, separator = ';'): string {
  let text = value === null || value === undefined ? '' : printable(String(value), true);
  if (/^[=+\-@\t\r]/.test(text) && !/^\+\d{6,15}$/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The leads as CSV: contact, outcome, consent, source, then one readable column per question. */
export function leadsToCsv(leads: LeadRecord[], quiz: Quiz, options: CsvOptions = {}): string {
  const sep = options.separator ?? ';';
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
    ...UTM_KEYS,
    'versione_test',
    'spam',
    ...quiz.questions.map((q) => q.text),
  ];
  const rows = leads.map((lead) => {
    const answers = new Map(readableAnswers(lead, quiz).map((a) => [a.question, a.answer]));
    return [
      lead.id,
      lead.createdAt,
      lead.contact.nome,
      lead.contact.cognome,
      lead.contact.email,
      lead.contact.telefono,
      lead.contact.azienda,
      lead.contact.piva,
      quiz.bands.find((b) => b.id === lead.outcome)?.title ?? lead.outcome,
      lead.score.percent,
      lead.consents.find((c) => c.purpose === 'marketing')?.granted ? 'sì' : 'no',
      lead.sourceArticle,
      ...UTM_KEYS.map((k) => lead.utm[k]),
      lead.submittedQuizVersion,
      lead.spamReason ?? '',
      ...quiz.questions.map((q) => answers.get(q.text)),
    ];
  });
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, sep)).join(sep));
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
