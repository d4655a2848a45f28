import { getRuntime } from '../runtime.ts';
import { issueStartToken } from '../http/start-token.ts';
import { getArticleInfo, getPrivacyNotice, type ArticleInfo } from '../content.ts';
import { commentsOpen } from '../../lib/comments/moderation.ts';
import type { PublicComment } from '../storage/comment-store.ts';

/** An article's comments as they are now, and what its form needs if comments are still open. */
export interface CommentsView {
  article: ArticleInfo;
  comments: PublicComment[];
  /** Absent once comments are closed. */
  form?: { privacyVersion: string; startToken: string };
}

/**
 * Read on request, for the article's comments section and its comments page: the approved comments, and a
 * form with a fresh start token (so the server knows how long the reader took). `null` for an unknown article,
 * whose id comes from a URL.
 */
export async function commentsView(articleId: unknown): Promise<CommentsView | null> {
  const article = await getArticleInfo(articleId);
  if (!article) return null;
  const runtime = await getRuntime();
  const [notice, comments] = await Promise.all([getPrivacyNotice(), runtime.comments.approved(article.id)]);
  const open = commentsOpen(article, runtime.config.comments.closeAfterDays, new Date());
  const form = open && {
    privacyVersion: notice.version,
    startToken: issueStartToken(runtime.signingKey, 'comment', Date.now()),
  };
  return { article, comments, ...(form && { form }) };
}
