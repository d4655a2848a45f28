import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { handleComment, commentsPath, type ArticleInfo } from '../../server/comments/handle-comment.ts';
import { getRuntime } from '../../server/runtime.ts';
import { formEndpoint, methodNotAllowed } from '../../server/http/form-endpoint.ts';

export const prerender = false;

async function findArticle(id: string): Promise<ArticleInfo | null> {
  const article = await getEntry('articles', id);
  return article
    ? { id: article.id, title: article.data.title, comments: article.data.comments, pubDate: article.data.pubDate }
    : null;
}

export const POST: APIRoute = (context) =>
  formEndpoint(
    context,
    (request) => handleComment(request, findArticle, getRuntime()),
    (retry) => {
      context.locals.commentForm = retry;
      return commentsPath(retry.articleId);
    },
    'Non siamo riusciti a salvare il commento: riprova tra qualche istante.',
  );

export const ALL: APIRoute = methodNotAllowed;
