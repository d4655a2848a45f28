import type { LeadRecord } from './lead-record.ts';
import type { Quiz } from '../quiz/schema.ts';
import { readableAnswers } from '../notify/lead-notification.ts';
import { UTM_KEYS } from './utm.ts';
import { csvDocument, type CsvOptions } from '../format/csv.ts';
import { formatDateTime, formatDay } from '../format/date.ts';
import { reasonLabel } from '../abuse/reasons.ts';
import { statusLabel } from './pipeline.ts';

/** A lead as exported: its record, and where the team has got with it when known. */
export type ExportedLead = LeadRecord & { status?: string; owner?: string; followUp?: string };

/**
 * The leads as CSV: contact, outcome, consent, source, where the team stands, then one
 * readable column per question. Times as the team reads them (Rome, "29/11/2026, 23:55").
 */
export function leadsToCsv(leads: ExportedLead[], quiz: Quiz, options: CsvOptions = {}): string {
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
    'da_verificare',
    'stato',
    'responsabile',
    'ricontattare_il',
    ...quiz.questions.map((q) => q.text),
  ];
  const rows = leads.map((lead) => {
    const answers = new Map(readableAnswers(lead, quiz).map((a) => [a.question, a.answer]));
    return [
      lead.id,
      formatDateTime(new Date(lead.createdAt)),
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
      lead.spamReason ? reasonLabel(lead.spamReason) : '',
      lead.reviewReason ? reasonLabel(lead.reviewReason) : '',
      lead.status ? statusLabel(lead.status) : '',
      lead.owner,
      lead.followUp ? formatDay(lead.followUp) : '',
      ...quiz.questions.map((q) => answers.get(q.text)),
    ];
  });
  return csvDocument([header, ...rows], options);
}
