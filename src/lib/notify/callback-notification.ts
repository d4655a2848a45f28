import type { LeadRecord } from '../leads/lead-record.ts';
import { callbackLine, type CallbackRequest } from '../leads/callback.ts';
import { escapeHtml, oneLine } from './escape.ts';
import type { EmailMessage } from './lead-notification.ts';

/** The team's email when a prospect asks to be called back: who, when, on which number, and the lead's page. */
export function callbackEmail(
  lead: Pick<LeadRecord, 'id' | 'contact'>,
  request: CallbackRequest,
  leadUrl: string,
): EmailMessage {
  const who = `${lead.contact.nome} ${lead.contact.cognome}, ${lead.contact.azienda}`;
  const when = callbackLine(request);
  const subject = oneLine(`Richiamami: ${who}`);
  const text = [`${oneLine(who)} chiede di essere richiamato.`, `Quando: ${when}`, `Contatto: ${leadUrl}`].join('\n');
  const html = [
    `<p><strong>${escapeHtml(who)}</strong> chiede di essere richiamato.</p>`,
    `<p>Quando: ${escapeHtml(when)}</p>`,
    `<p><a href="${escapeHtml(leadUrl)}">Apri il contatto</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
