import { z } from '../zod.ts';
import { headSchema } from './head-schema.ts';
import { strictObject } from './strict.ts';

/** Search engines cut descriptions around 160 characters; under 50 says too little. */
export const DESCRIPTION_LENGTH = { min: 50, max: 160 } as const;

/**
 * Builds the schema of an article's frontmatter.
 * `image` is Astro's `image()` helper from the collection's schema context;
 * it is a parameter so the schema can be unit-tested without Astro.
 */
export function createArticleSchema<TImage extends z.ZodType>(image: () => TImage) {
  return strictObject({
    /** The article's title, shown as its heading and in search results. */
    title: z.string().trim().min(5, { error: 'Il titolo deve avere almeno 5 caratteri.' }).max(120, {
      error: 'Il titolo deve avere al massimo 120 caratteri.',
    }),
    /**
     * The summary shown in search results, in lists and when shared.
     * Between 50 and 160 characters.
     */
    description: z
      .string()
      .trim()
      .min(DESCRIPTION_LENGTH.min, {
        error: `La descrizione deve avere almeno ${DESCRIPTION_LENGTH.min} caratteri.`,
      })
      .max(DESCRIPTION_LENGTH.max, {
        error: `La descrizione deve avere al massimo ${DESCRIPTION_LENGTH.max} caratteri (i motori di ricerca tagliano il resto).`,
      }),
    /**
     * The publication date (`2026-11-29`, or with a time: `2026-11-29T09:00:00+01:00`).
     * A date in the future schedules the article: it is published by the first build after it.
     */
    pubDate: z.coerce.date({ error: 'pubDate deve essere una data, per esempio 2026-11-29.' }),
    /** The date of the last meaningful update, if any. Must not precede `pubDate`. */
    updatedDate: z.coerce
      .date({ error: 'updatedDate deve essere una data, per esempio 2026-11-30.' })
      .optional(),
    /** Who signed the article. */
    author: z.string().trim().min(2, { error: "Indica l'autore (author)." }).default('Segnalazione Vincente'),
    /** Topics, written as they should be displayed (`networking`, `vendite`). At most 8. */
    tags: z
      .array(z.string().trim().min(2, { error: 'Ogni tag deve avere almeno 2 caratteri.' }))
      .max(8, { error: 'Al massimo 8 tag per articolo.' })
      .default([]),
    /** An optional cover image, a path relative to the article file. */
    cover: image().optional(),
    /** Alternative text of the cover image (required when there is a cover). */
    coverAlt: z.string().trim().optional(),
    /** A draft is visible in `npm run dev` only, never in the published site. */
    draft: z.boolean().default(false),
    /** Whether readers may comment (`false` closes the comments of this article). */
    comments: z.boolean().default(true),
    /**
     * Tags that change this article's `<head>`, as Starlight's `head`: a canonical address elsewhere, `noindex`
     * (also out of the sitemap and the site's search), another share image (`og:image`). See `head-schema.ts`.
     */
    head: headSchema,
  })
    .refine((data) => !data.updatedDate || data.updatedDate >= data.pubDate, {
      error: 'updatedDate non può precedere pubDate.',
      path: ['updatedDate'],
    })
    .refine((data) => !data.cover || Boolean(data.coverAlt), {
      error: "coverAlt è obbligatorio quando c'è un'immagine di copertina.",
      path: ['coverAlt'],
    });
}

export type ArticleData = z.output<ReturnType<typeof createArticleSchema>>;
