import type { ContactRaw } from './contact-rules.ts';
import type { LeadPayloadInput } from './lead-schema.ts';
import type { VisitContext } from './visit-context.ts';

export interface PayloadParts {
  quiz: { id: string; version: string };
  answers: Record<string, string[]>;
  contact: ContactRaw;
  privacy: { version: string; textId: string };
  marketing: { accepted: boolean; textId: string };
  context: VisitContext;
  website: string;
}

/**
 * The JSON the island sends, without its idempotency key and start token (both added per
 * attempt): the content alone decides whether a retry reuses the key.
 */
export function buildPayload(parts: PayloadParts): Omit<LeadPayloadInput, 'idempotencyKey' | 'startToken'> {
  const { contact } = parts;
  return {
    quizId: parts.quiz.id,
    quizVersion: parts.quiz.version,
    answers: parts.answers,
    contact: {
      nome: contact.nome ?? '',
      cognome: contact.cognome ?? '',
      email: contact.email ?? '',
      telefono: contact.telefono || undefined,
      azienda: contact.azienda ?? '',
      piva: contact.piva || undefined,
    },
    consent: {
      privacyNoticeVersion: parts.privacy.version,
      privacyTextId: parts.privacy.textId,
      marketing: parts.marketing.accepted,
      marketingTextId: parts.marketing.textId,
    },
    context: parts.context,
    website: parts.website || undefined,
  };
}
