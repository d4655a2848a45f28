import { z } from '../zod.ts';
import { hasUnseenCharacters, withoutUnseen, UNSEEN_ERROR } from '../text/characters.ts';
import { ARTICLE_ID, IDEMPOTENCY_KEY } from '../ids.ts';

/** Limits of the comment form, as WordPress has them. */
export const COMMENT_LIMITS = { name: 245, email: 100, site: 200, text: 5000 } as const;

// A string's own `error` is also the message of its checks that have none: here a missing and a blank field alike.
const text = (label: string, max: number) =>
  z
    .string({ error: `Inserisci ${label}.` })
    .trim()
    .min(1)
    .max(max, { error: `Al massimo ${max} caratteri.` });

/** Empty form fields arrive as "": for an optional field that means "not given". */
const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * A comment as the form (or a JSON client) sends it. Field names are the form's, so
 * errors land next to their inputs; messages are Italian.
 */
export const commentPayloadSchema = z.object({
  /** The article commented: its id (the URL's last segment). */
  articolo: z.string({ error: 'Articolo mancante.' }).regex(ARTICLE_ID, { error: 'Articolo non valido.' }),
  /** The comment answered, for a reply. */
  risposta_a: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  nome: text('il nome', COMMENT_LIMITS.name).refine((name) => !hasUnseenCharacters(name), { error: UNSEEN_ERROR }),
  email: z
    .string({ error: "Inserisci l'indirizzo email." })
    .trim()
    .min(1)
    .max(COMMENT_LIMITS.email, { error: `Al massimo ${COMMENT_LIMITS.email} caratteri.` })
    .pipe(z.email({ error: 'Inserisci un indirizzo email valido, per esempio nome@dominio.it.' }))
    .transform((email) => email.toLowerCase()),
  sito: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(COMMENT_LIMITS.site, { error: `Al massimo ${COMMENT_LIMITS.site} caratteri.` })
      .refine((url) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url) && URL.canParse(url), {
        error: 'Inserisci un indirizzo che inizi con http:// o https://.',
      })
      .optional(),
  ),
  commento: z
    .string({ error: 'Scrivi il commento.' })
    // Line breaks as the browser sends them (\r\n) become \n; invisible and control characters go.
    .transform((text) => withoutUnseen(text.replace(/\r\n?/g, '\n')))
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'Scrivi il commento.' })
        .max(COMMENT_LIMITS.text, { error: `Il commento può avere al massimo ${COMMENT_LIMITS.text} caratteri.` }),
    ),
  /** The notice version shown next to the form. */
  privacy_version: z
    .string()
    .trim()
    .min(1, { error: "Manca la versione dell'informativa: ricarica la pagina." })
    .max(40),
  /** One per submission; derived from the content when absent (plain form). */
  idempotency_key: z.preprocess(blank, z.string().regex(IDEMPOTENCY_KEY).optional()),
  /** The signed token the page was rendered with: proves the time spent writing. */
  start_token: z.string().max(200).optional(),
  /** The honeypot: people leave it empty. */
  website: z.string().max(2000).optional(),
});

export type CommentPayload = z.output<typeof commentPayloadSchema>;
