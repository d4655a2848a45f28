import { z } from '../zod.ts';
import { strictObject } from './strict.ts';

/*
 * The consultant who calls prospects back, one YAML file in `content/consulente/` (optional): shown with
 * the result's next step when it is a person who will answer (a call-back or a booking), so the prospect
 * knows whose voice to expect. Without the file the result names nobody.
 */

const text = z.string().trim().min(1);

/** Builds the schema; `image` is Astro's `image()` helper (a parameter so the schema is unit-tested without Astro). */
export function createConsultantSchema<TImage extends z.ZodType>(image: () => TImage) {
  return strictObject({
    /** Their name, as they introduce themselves on the phone: "Marco Bianchi". */
    nome: text,
    /** What they do, after the name: "consulente per le reti di segnalazione". */
    ruolo: text,
    /** A photo beside the file (optional), a face rather than a logo: `./marco-bianchi.jpg`. */
    foto: image().optional(),
    /** One or two sentences in their own voice, under the name (at most 240 characters). */
    presentazione: z
      .string()
      .trim()
      .min(1)
      .max(240, { error: 'La presentazione deve avere al massimo 240 caratteri: una o due frasi.' })
      .optional(),
  });
}
