/**
 * The consent texts shown next to the lead form. Each has an id stored with the lead,
 * so the proof of consent says exactly which words the prospect saw: when a text
 * changes, give it a new id (keep the old ones out of the forms, not out of history).
 */
export const LEAD_CONSENT_TEXTS = {
  /** The notice acknowledged to receive the result (art. 13 GDPR): no consent box is needed. */
  privacy: {
    id: 'lead-privacy-v2',
    text: 'Inviando il modulo vedrai subito il risultato e ti ricontatteremo. Segnalazione Vincente tratta i tuoi dati solo per valutare la tua richiesta e risponderti, e li conserva per 24 mesi. Puoi chiederne in ogni momento accesso, rettifica o cancellazione.',
  },
  /** The optional, unticked box for promotional email (art. 130 Codice privacy). */
  marketing: {
    id: 'lead-marketing-v2',
    text: 'Sì, voglio ricevere via email articoli, inviti e proposte di Segnalazione Vincente. (Facoltativo) Puoi disiscriverti in ogni momento.',
  },
} as const;

/** The notice next to the comment form; its id is stored with each comment. */
export const COMMENT_CONSENT_TEXT = {
  id: 'comment-privacy-v1',
  text: 'Usiamo nome, email e sito solo per gestire e pubblicare il tuo commento; l’email non viene mai pubblicata. I commenti non approvati sono cancellati dopo 30 giorni.',
} as const;

/** What a lead says it was shown next to its form. */
export interface ShownConsent {
  privacyNoticeVersion: string;
  privacyTextId: string;
  marketing: boolean;
  marketingTextId?: string;
}

const UPDATED = 'Il testo dell’informativa è stato aggiornato nel frattempo: ricarica la pagina e invia di nuovo.';

/**
 * Checks the proof of consent against what the site shows now: a notice version or a
 * text id we never showed is not proof of anything, and a marketing consent must say
 * which words were agreed to. Errors are keyed as the form's `privacy` area.
 */
export function consentErrors(shown: ShownConsent, noticeVersion: string): Record<string, string> {
  const known = shown.privacyNoticeVersion === noticeVersion && shown.privacyTextId === LEAD_CONSENT_TEXTS.privacy.id;
  const marketingKnown =
    shown.marketingTextId === undefined ? !shown.marketing : shown.marketingTextId === LEAD_CONSENT_TEXTS.marketing.id;
  return known && marketingKnown ? {} : { privacy: UPDATED };
}
