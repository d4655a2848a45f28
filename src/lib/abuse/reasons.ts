/**
 * Why a lead or a comment is not simply accepted: one vocabulary for both, stored as the
 * code and shown to the team in Italian. A code in SPAM is a bot's doing (kept silently,
 * nobody told); any other is ours or unclear, and a person looks at it.
 */
export const REASONS = {
  honeypot: 'campo nascosto compilato: lo fa un programma, non una persona',
  'token-forged': 'gettone di avvio falsificato o illeggibile',
  'token-other-form': 'gettone di avvio di un altro modulo',
  'token-missing': 'inviato senza il gettone di avvio della pagina',
  'token-expired': 'pagina aperta da troppo tempo (gettone di avvio scaduto)',
  'token-reused': 'stesso gettone di avvio già usato per altri invii',
  'too-fast': 'compilato più in fretta di quanto faccia una persona',
  'too-many-links': 'troppi link',
  'first-comment': 'primo commento di questo autore',
  'moderate-all': 'tutti i commenti sono moderati',
  'reserved-name': 'firmato con il nome del sito',
  'other-name': 'nome diverso da quello dei commenti già approvati con questa email',
} as const;

export type Reason = keyof typeof REASONS;

/** Reasons that only a bot produces. */
export const SPAM: ReadonlySet<Reason> = new Set(['honeypot', 'token-forged', 'token-other-form']);

/** The Italian label of a stored reason (an unknown or older one is shown as it is). */
export function reasonLabel(reason: string): string {
  return (REASONS as Record<string, string>)[reason] ?? reason;
}
