import { slugify } from '../format/slug.ts';

interface Tagged {
  data: { tags: string[] };
}

/**
 * Every tag in use, grouped by slug (so "Vendite" and "vendite" share a page),
 * with the first spelling seen as its display name, sorted by name.
 */
export function collectTags<T extends Tagged>(articles: T[]): { slug: string; name: string; articles: T[] }[] {
  const bySlug = new Map<string, { slug: string; name: string; articles: T[] }>();
  for (const article of articles) {
    for (const tag of article.data.tags) {
      const slug = slugify(tag);
      if (!slug) continue;
      const group = bySlug.get(slug) ?? { slug, name: tag, articles: [] };
      if (!group.articles.includes(article)) group.articles.push(article);
      bySlug.set(slug, group);
    }
  }
  return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}
