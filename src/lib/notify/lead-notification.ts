import type { LeadRecord } from '../leads/lead-record.ts';
import type { Quiz } from '../quiz/schema.ts';
import { escapeHtml, oneLine } from './escape.ts';
import { reasonLabel } from '../abuse/reasons.ts';
import { printable } from '../text/characters.ts';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

/** The answers as "question: chosen options", in the test's order. */
export function readableAnswers(lead: Pick<LeadRecord, 'answers'>, quiz: Quiz): { question: string; answer: string }[] {
  return quiz.questions
    .filter((q) => lead.answers[q.id]?.length)
    .map((q) => ({
      question: q.text,
      answer: lead.answers[q.id].map((id) => q.options.find((o) => o.id === id)?.label ?? id).join(', '),
    }));
}

/**
 * The email that tells the team about a new lead. Every value from the prospect is
 * escaped in the HTML part; the text part is plain text. No link the prospect controls.
 * A lead we could not vouch for says so first ("[Da verificare]") and why.
 */
export function leadEmail(lead: LeadRecord, quiz: Quiz): EmailMessage {
  const band = quiz.bands.find((b) => b.id === lead.outcome);
  const c = lead.contact;
  const rows: [string, string][] = [
    ...(lead.reviewReason ? [['Da verificare', reasonLabel(lead.reviewReason)] as [string, string]] : []),
    ['Esito', `${band?.title ?? lead.outcome} (${lead.score.percent}/100)`],
    ['Nome', `${c.nome} ${c.cognome}`],
    ['Email', c.email],
    ['Telefono', c.telefono ?? '—'],
    ['Azienda', c.azienda],
    ['Partita IVA', c.piva ?? '—'],
    ['Consenso marketing', lead.consents.find((k) => k.purpose === 'marketing')?.granted ? 'sì' : 'no'],
    ['Articolo di provenienza', lead.sourceArticle ?? '—'],
    [
      'Campagna (UTM)',
      Object.entries(lead.utm)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || '—',
    ],
    ['Ricevuto il', lead.createdAt],
    ['Id', lead.id],
  ];
  const answers = readableAnswers(lead, quiz);
  const subject = oneLine(
    `${lead.reviewReason ? '[Da verificare] ' : ''}Nuovo contatto dal test: ${c.nome} ${c.cognome}, ${c.azienda} (${band?.title ?? lead.outcome})`,
  );
  // Plain text: a value can never add a line ("Esito: …") or a terminal escape.
  const text = [
    ...rows.map(([k, v]) => `${k}: ${printable(v)}`),
    '',
    'Risposte:',
    ...answers.map((a) => `- ${a.question} ${a.answer}`),
  ].join('\n');
  const html = [
    `<h1>${escapeHtml(subject)}</h1>`,
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    '<h2>Risposte</h2>',
    '<ul>',
    ...answers.map((a) => `<li>${escapeHtml(a.question)} <strong>${escapeHtml(a.answer)}</strong></li>`),
    '</ul>',
  ].join('\n');
  return { subject, text, html };
}

/** The JSON a CRM receives by webhook: the lead without internal fields. */
export function leadWebhookBody(lead: LeadRecord) {
  return {
    event: 'lead.created',
    lead: {
      id: lead.id,
      createdAt: lead.createdAt,
      quiz: { id: lead.quizId, version: lead.quizVersion },
      contact: lead.contact,
      answers: lead.answers,
      score: lead.score,
      outcome: lead.outcome,
      categories: lead.categories,
      marketingConsent: lead.consents.find((k) => k.purpose === 'marketing')?.granted ?? false,
      context: { utm: lead.utm, sourceArticle: lead.sourceArticle, landingPath: lead.landingPath },
      /** Set when the lead needs a person to check it (it is not spam, nor vouched for). */
      review: lead.reviewReason ? { reason: lead.reviewReason, label: reasonLabel(lead.reviewReason) } : null,
    },
  };
}
