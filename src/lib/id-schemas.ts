import { z } from './zod.ts';
import { ARTICLE_ID, IDEMPOTENCY_KEY, QUIZ_ID } from './ids.ts';

/** An article's id (`ids.ts`). */
export const articleIdSchema = z.string().regex(ARTICLE_ID, { error: 'Articolo non valido.' });

/** An id inside the free test (`ids.ts`). */
export const quizIdSchema = z
  .string()
  .regex(QUIZ_ID, { error: 'Un id usa solo lettere minuscole, cifre e trattini (max 64).' });

/** A submission's idempotency key (`ids.ts`). */
export const idempotencyKeySchema = z.string().regex(IDEMPOTENCY_KEY, { error: 'Chiave di invio non valida.' });
