import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from './visibility.ts';

export type Article = CollectionEntry<'articles'>;

/**
 * The articles a visitor may see, newest first. In `astro dev` drafts and scheduled
 * articles are included (and marked on the page) so writers can preview them.
 */
export async function getArticles(): Promise<Article[]> {
  const now = new Date();
  const all = await getCollection('articles', ({ data }) => import.meta.env.DEV || isPublished(data, now));
  return all.sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime());
}
