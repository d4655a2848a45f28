import { csvDocument } from '../format/csv.ts';
import { formatDateTime } from '../format/date.ts';

/** One line of the audit log: who did what, to what, when. Never a lead's or a person's data. */
export interface AuditEntry {
  at: string;
  actor: string;
  /** A stable code (below), so old entries read right after a wording change. */
  action: string;
  /** The lead, comment or account acted on (an id, or a team member's email). */
  target?: string;
  detail: Record<string, unknown>;
}

/** The audit log as the titolare reads it: each recorded action in Italian. */
const ACTIONS: Record<string, string> = {
  'sign-in': 'è entrato nell’area riservata',
  'sign-in-failed': 'ha sbagliato la password',
  'sign-out-everywhere': 'è uscito da tutti i dispositivi',
  'password-change': 'ha cambiato la propria password',
  'lead-update': 'ha aggiornato un contatto',
  'lead-note': 'ha scritto una nota su un contatto',
  'delivery-retry': 'ha rimesso in coda una notifica',
  'leads-export': 'ha esportato contatti in CSV',
  'comment-approve': 'ha pubblicato un commento',
  'comment-spam': 'ha segnato un commento come spam',
  'comment-trash': 'ha cestinato un commento',
  'comment-reply': 'ha risposto a un commento come Segnalazione Vincente',
  'privacy-export': 'ha esportato i dati di una persona (accesso)',
  'privacy-erase': 'ha cancellato i dati di una persona',
  'account-create': 'ha creato un account',
  'account-role': 'ha cambiato il ruolo di un account',
  'account-disable': 'ha disattivato un account',
  'account-enable': 'ha riattivato un account',
  'account-password-reset': 'ha dato una password temporanea',
  'audit-export': 'ha esportato il registro delle attività',
};

/** The Italian phrase of an action code (an unknown code is shown as stored). */
export function auditActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** The action codes the log knows, for its filter. */
export const AUDIT_ACTIONS = Object.keys(ACTIONS);

/** The audit log as CSV, oldest first: when (Rome), who, what (in words and as its code), on what, details. */
export function auditToCsv(entries: AuditEntry[]): string {
  return csvDocument([
    ['quando', 'chi', 'cosa', 'codice', 'oggetto', 'dettagli'],
    ...entries.map((e) => [
      formatDateTime(new Date(e.at)),
      e.actor,
      auditActionLabel(e.action),
      e.action,
      e.target,
      Object.keys(e.detail).length ? JSON.stringify(e.detail) : '',
    ]),
  ]);
}
