import { z } from '../zod.ts';
import { contactSchema } from './contact-schema.ts';
import { UTM_KEYS } from './utm.ts';
import { articleIdSchema, idempotencyKeySchema, quizIdSchema } from '../id-schemas.ts';

const shortText = (max: number) => z.string().trim().max(max);

/** The landing page's campaign parameters, kept for the visit. */
export const utmSchema = z.partialRecord(z.enum(UTM_KEYS), shortText(200));

/**
 * The lead the free test sends: the contract of the lead endpoint (docs/lead-endpoint.md).
 * The island posts it as JSON; the plain HTML form posts the same fields form-encoded
 * (see `form-fields.ts`). Scores are never sent: the server computes them.
 */
export const leadPayloadSchema = z.object({
  /** One per submission attempt, the same across retries: the server stores one lead per key. */
  idempotencyKey: idempotencyKeySchema.optional(),
  /** The test answered and its version. */
  quizId: quizIdSchema,
  quizVersion: shortText(40).min(1),
  /** Question id → option id (single choice) or option ids (multiple choice). */
  answers: z.record(shortText(64), z.union([shortText(64), z.array(shortText(64)).max(30)]), {
    error: 'Rispondi alle domande del test.',
  }),
  contact: contactSchema,
  consent: z.object({
    /** The version of the privacy notice shown next to the form. */
    privacyNoticeVersion: shortText(40).min(1, { error: "Manca la versione dell'informativa: ricarica la pagina." }),
    /** The id of the notice text shown next to the submit button. */
    privacyTextId: shortText(64).min(1),
    /** The optional marketing box: true only when ticked. */
    marketing: z.boolean().default(false),
    /** The id of the marketing text shown next to the box. */
    marketingTextId: shortText(64).optional(),
  }),
  context: z
    .object({
      utm: utmSchema.default({}),
      /** The article the prospect came from (`?da=` on the test's URL). */
      sourceArticle: articleIdSchema.optional(),
      /** The path the visit started on. */
      landingPath: shortText(300).optional(),
    })
    .default({ utm: {} }),
  /** The signed token the server issued when the test page loaded (`GET <endpoint>/token`): proves the fill time. */
  startToken: z.string().max(200).optional(),
  /** The honeypot: people leave it empty; a value marks the lead as spam. */
  website: z.string().max(2000).optional(),
});

export type LeadPayloadInput = z.input<typeof leadPayloadSchema>;
export type LeadPayload = z.output<typeof leadPayloadSchema>;
