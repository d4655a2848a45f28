import type { LeadPayloadInput } from './lead-schema.ts';
import { UTM_KEYS } from './utm.ts';

/**
 * The names of the plain HTML form's fields. The island uses the same names, so an
 * error keyed by field name lands next to the right input with or without JavaScript.
 */
export const FIELD = {
  idempotencyKey: 'idempotency_key',
  quizId: 'quiz_id',
  quizVersion: 'quiz_version',
  privacyNoticeVersion: 'privacy_version',
  privacyTextId: 'privacy_text',
  marketing: 'marketing',
  marketingTextId: 'marketing_text',
  sourceArticle: 'da',
  landingPath: 'landing',
  startToken: 'start_token',
  website: 'website',
} as const;

/** The form field of a question: `q.<question id>`. */
export const answerField = (questionId: string) => `q.${questionId}`;

type FormLike = { getAll(name: string): (string | File)[]; keys(): IterableIterator<string> | Iterable<string> };

/** Turns a form-encoded lead into the JSON payload's shape, for one schema to validate both. */
export function payloadFromForm(form: FormLike): LeadPayloadInput {
  const one = (name: string): string | undefined => {
    const value = form.getAll(name).find((v): v is string => typeof v === 'string');
    return value === '' ? undefined : value;
  };
  const answers: Record<string, string[]> = {};
  for (const name of new Set(form.keys())) {
    if (name.startsWith('q.'))
      answers[name.slice(2)] = form.getAll(name).filter((v): v is string => typeof v === 'string');
  }
  const utm = Object.fromEntries(UTM_KEYS.map((key) => [key, one(key)]).filter(([, v]) => v !== undefined));
  return {
    idempotencyKey: one(FIELD.idempotencyKey),
    quizId: one(FIELD.quizId) ?? '',
    quizVersion: one(FIELD.quizVersion) ?? '',
    answers,
    contact: {
      nome: one('nome') ?? '',
      cognome: one('cognome') ?? '',
      email: one('email') ?? '',
      telefono: one('telefono'),
      azienda: one('azienda') ?? '',
      piva: one('piva'),
    },
    consent: {
      privacyNoticeVersion: one(FIELD.privacyNoticeVersion) ?? '',
      privacyTextId: one(FIELD.privacyTextId) ?? '',
      marketing: one(FIELD.marketing) !== undefined,
      marketingTextId: one(FIELD.marketingTextId),
    },
    context: { utm, sourceArticle: one(FIELD.sourceArticle), landingPath: one(FIELD.landingPath) },
    startToken: one(FIELD.startToken),
    website: one(FIELD.website),
  };
}

/**
 * The form field an error belongs to, from its path in the payload:
 * `contact.email` → `email`, `answers.settore` → `q.settore`, `consent.…` → `privacy`.
 */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, second] = path.map(String);
  if (head === 'contact' && second) return second;
  if (head === 'answers' && second) return answerField(second);
  if (head === 'consent') return 'privacy';
  return head ?? 'form';
}
