import { createHash } from 'node:crypto';

/** What an article page shows of an article it only links to (related reading, newer and older). */
interface Linked {
  id: string;
  data: unknown;
}

export interface ArticlePageInput {
  article: Linked & { body?: string };
  newer?: Linked;
  older?: Linked;
  related: Linked[];
  /** Everything else the page prints that comes from outside its props: the privacy notice's version, the year. */
  context: Record<string, string | number>;
}

/**
 * The `cacheKey` of an article page for Astro's incremental build: a hash of everything the page prints that
 * Astro cannot see from the page's code (`experimental.incrementalBuild` checks the code itself, and the article's
 * rendered MDX). Equal keys mean an unchanged page, which the next build copies instead of rendering again.
 */
export function articlePageKey({ article, newer, older, related, context }: ArticlePageInput): string {
  const parts = [
    { id: article.id, data: article.data, body: article.body },
    linked(newer),
    linked(older),
    related.map(linked),
    context,
  ];
  return hashOf(parts);
}

/**
 * The `cacheKey` of a page of a list of articles (the blog, a tag): the articles it shows (not their text, which
 * a list never prints), where the page stands among its siblings, and the page's `context` as above.
 */
export function listPageKey<T extends Linked>(
  page: { data: T[]; currentPage: number; lastPage: number; total: number },
  context: Record<string, string | number>,
): string {
  const { data, currentPage, lastPage, total } = page;
  return hashOf([data.map(linked), { currentPage, lastPage, total }, context]);
}

const linked = (a: Linked | undefined) => a && { id: a.id, data: a.data };

const hashOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
