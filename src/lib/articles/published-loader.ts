import type { Loader } from 'astro/loaders';
import { isPublished } from './visibility.ts';

/**
 * Wraps a loader so a production build never holds drafts or scheduled articles: not in
 * the pages, and not in the server bundle's content store either (the on-demand routes
 * ship the whole store). `keepAll` (dev) keeps them, for previews.
 */
export function publishedOnly(loader: Loader, keepAll: boolean, now = new Date()): Loader {
  return {
    ...loader,
    name: `published-only(${loader.name})`,
    async load(context) {
      await loader.load(context);
      if (keepAll) return;
      for (const [id, entry] of context.store.entries()) {
        if (!isPublished(entry.data as { draft: boolean; pubDate: Date }, now)) context.store.delete(id);
      }
    },
  };
}
