import { z } from '../zod.ts';
import { strictObject } from './strict.ts';

/** `<link>` relations an article may set: they name other addresses, none makes the browser load anything. */
const LINK_RELATIONS = ['canonical', 'alternate'];

/**
 * One tag for an article's `<head>`, as Starlight's `head` field: it replaces the site's tag of the same kind
 * (the title; the `meta` with the same `name` or `property`; the canonical link) or is added. Only tags that
 * load nothing: no script, no style, no stylesheet or preload (the site asks no other host for anything).
 */
export const headTagSchema = strictObject({
    /** `meta`, `link` or `title`. */
    tag: z.enum(['meta', 'link', 'title'], { error: 'tag deve essere meta, link oppure title.' }),
    /** The tag's attributes, e.g. `{ name: robots, content: noindex }`. */
    attrs: z.record(z.string(), z.string()).default({}),
    /** The text of a `title`. */
    content: z.string().trim().min(1).optional(),
  })
  .refine((t) => t.tag !== 'title' || Boolean(t.content), {
    error: 'Un tag title ha bisogno del testo in content.',
    path: ['content'],
  })
  .refine((t) => t.tag !== 'link' || (LINK_RELATIONS.includes(t.attrs.rel) && Boolean(t.attrs.href)), {
    error: `Un tag link ha bisogno di href e di rel: ${LINK_RELATIONS.join(' oppure ')}.`,
    path: ['attrs'],
  })
  .refine((t) => t.tag !== 'meta' || Boolean((t.attrs.name || t.attrs.property) && t.attrs.content), {
    error: 'Un tag meta ha bisogno di name (o property) e di content.',
    path: ['attrs'],
  });

/**
 * Tags that change an article's `<head>` (canonical address, noindex, share image), for example:
 * `head: [{ tag: meta, attrs: { name: robots, content: noindex } }]`.
 */
export const headSchema = z.array(headTagSchema).default([]);

export type HeadOverride = z.output<typeof headTagSchema>;
