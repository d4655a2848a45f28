import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { handleComment, commentsPath, type ArticleInfo } from '../../server/comments/handle-comment.ts';
import { getRuntime } from '../../server/runtime.ts';
import { json } from '../../server/http/responses.ts';

export const prerender = false;

async function findArticle(id: string): Promise<ArticleInfo | null> {
  const article = await getEntry('articles', id);
  return article
    ? { id: article.id, title: article.data.title, comments: article.data.comments, pubDate: article.data.pubDate }
    : null;
}

export const POST: APIRoute = async (context) => {
  const form = (context.request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  let outcome;
  try {
    outcome = await handleComment(
      {
        // The plain form may come back through a rewrite, which Astro refuses once a body is read.
        request: form ? context.request.clone() : context.request,
        url: context.url,
        clientAddress: context.clientAddress,
        allowedOrigins: context.site ? [context.site.origin] : [],
      },
      findArticle,
      getRuntime(),
    );
  } catch (error) {
    console.error('comment endpoint:', error);
    return json(
      503,
      { error: 'Non siamo riusciti a salvare il commento: riprova tra qualche istante.' },
      { 'Retry-After': '30' },
    );
  }
  if (outcome instanceof Response) return outcome;
  context.locals.commentForm = outcome;
  return context.rewrite(commentsPath(outcome.articleId));
};

export const ALL: APIRoute = () => json(405, { error: 'Metodo non consentito: usa POST.' }, { Allow: 'POST' });
