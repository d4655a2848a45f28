import { z } from '../zod.ts';
import { strictObject } from './strict.ts';

/*
 * A client's testimonial, one YAML file each in `content/testimonianze/`: shown on the test
 * page and with the results. Published only with the client's consent, whose date is kept
 * in the file (the proof the redazione can show).
 */

const text = z.string().trim().min(1);

/**
 * Builds the schema; `image` is Astro's `image()` helper from the collection's schema
 * context (a parameter so the schema is unit-tested without Astro).
 */
export function createTestimonialSchema<TImage extends z.ZodType>(image: () => TImage) {
  return strictObject({
    /** Who says it: "Carla Conti". */
    nome: text,
    /** Their role: "Titolare". */
    ruolo: text,
    /** Their company: "Conti Impianti Srl". */
    azienda: text,
    /** What they say, in their words: 1 to 400 characters. */
    citazione: z
      .string()
      .trim()
      .min(1)
      .max(400, { error: 'La citazione deve avere al massimo 400 caratteri: sceglietene la parte più forte.' }),
    /** A photo beside the file (optional): `./carla-conti.jpg`. */
    foto: image().optional(),
    /** The day the client agreed in writing to publish this testimonial (YYYY-MM-DD). Required. */
    consensoPubblicazione: z.coerce.date({ error: 'Serve la data del consenso a pubblicare (AAAA-MM-GG).' }),
    /** Order on the page: lower first. */
    ordine: z.number().int().default(0),
  });
}

/** The testimonials to show, at most `limit`, by `ordine` then name. */
export function pickTestimonials<T extends { ordine: number; nome: string }>(all: T[], limit = 3): T[] {
  return [...all].sort((a, b) => a.ordine - b.ordine || a.nome.localeCompare(b.nome, 'it')).slice(0, limit);
}
