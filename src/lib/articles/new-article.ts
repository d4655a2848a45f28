import { slugify } from '../format/slug.ts';
import { ARTICLE_ID } from '../ids.ts';

/** What `npm run nuovo-articolo -- "Titolo"` writes, or why it cannot. */
export type NewArticle = { id: string; file: string; text: string } | { error: string };

/**
 * A new draft article: the file name from the title (`Città & Società` → `citta-societa.mdx`), today's date,
 * `draft: true`, and every value in double quotes (an apostrophe in the title needs no care). The
 * description is a placeholder long enough to pass the schema and telling what to write.
 */
export function newArticle(title: string, today: string): NewArticle {
  const clean = title.trim().replace(/\s+/g, ' ');
  if (clean.length < 5 || clean.length > 120) {
    return { error: 'Il titolo deve avere da 5 a 120 caratteri: npm run nuovo-articolo -- "Il titolo"' };
  }
  const id = slugify(clean).slice(0, 80).replace(/-+$/, '');
  if (!ARTICLE_ID.test(id)) return { error: 'Il titolo deve contenere almeno una lettera o una cifra.' };
  const quoted = JSON.stringify(clean);
  const text = `---
title: ${quoted}
description: "Scrivi qui il riassunto, da 50 a 160 caratteri: compare su Google e nei link condivisi."
pubDate: ${today}
author: "Segnalazione Vincente"
tags: []
draft: true
---

Scrivi qui il testo dell’articolo.
`;
  return { id, file: `${id}.mdx`, text };
}
