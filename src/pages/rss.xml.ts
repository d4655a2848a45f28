import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles } from '../lib/articles/get-articles.ts';
import { SITE } from '../site.config.ts';
import { articlePath } from '../lib/paths.ts';

export async function GET(context: APIContext) {
  const articles = await getArticles();
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: context.site!,
    customData: '<language>it-it</language>',
    items: articles.map((article) => ({
      title: article.data.title,
      description: article.data.description,
      pubDate: article.data.pubDate,
      categories: article.data.tags,
      link: articlePath(article.id),
    })),
  });
}
