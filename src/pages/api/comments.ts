import type { APIRoute } from 'astro';
import { handleComment } from '../../server/comments/handle-comment.ts';
import { commentsPath } from '../../lib/paths.ts';
import { getRuntime } from '../../server/runtime.ts';
import { getArticleInfo, getPrivacyNotice } from '../../server/content.ts';
import { formEndpoint, methodNotAllowed } from '../../server/http/form-endpoint.ts';

export const prerender = false;

export const POST: APIRoute = (context) =>
  formEndpoint(
    context,
    async (request) =>
      handleComment(
        request,
        { findArticle: getArticleInfo, privacyNoticeVersion: (await getPrivacyNotice()).version },
        await getRuntime(),
      ),
    (retry) => {
      context.locals.commentForm = retry;
      return commentsPath(retry.articleId);
    },
    'Non siamo riusciti a salvare il commento: riprova tra qualche istante.',
  );

export const ALL: APIRoute = methodNotAllowed;
