import { createHash } from 'node:crypto';
import { commentPayloadSchema, type CommentPayload } from '../../lib/comments/comment-schema.ts';
import { commentsOpen, isFlooding, moderationStatus } from '../../lib/comments/moderation.ts';
import { COMMENT_CONSENT_TEXT } from '../../lib/leads/consent.ts';
import { fingerprint } from '../../lib/leads/idempotency.ts';
import { heldCommentEmail } from '../../lib/notify/comment-notification.ts';
import type { CommentOutbox, CommentRecord } from '../storage/comment-store.ts';
import type { Runtime } from '../runtime.ts';
import { readSubmission, type SubmissionRequest } from '../http/submission.ts';
import { json } from '../http/responses.ts';
import { startTokenTime } from '../leads/start-token.ts';

/** What the endpoint needs to know of an article, from the content collection. */
export interface ArticleInfo {
  id: string;
  title: string;
  comments: boolean;
  pubDate: Date;
}

/** The plain form came back invalid: the comments page re-renders it with the input and the errors. */
export interface CommentFormRetry {
  kind: 'comment-retry';
  articleId: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const commentsPath = (articleId: string) => `/blog/${articleId}/commenti/`;

/**
 * Receives one comment: the same transport checks as leads, then the article (exists,
 * open), the reply target, duplicates and the flood guard, then the moderation rules.
 * A held comment is stored with its moderator email in one transaction.
 */
export async function handleComment(
  req: SubmissionRequest,
  findArticle: (id: string) => Promise<ArticleInfo | null>,
  rt: Runtime,
): Promise<Response | CommentFormRetry> {
  const submission = readSubmission(req, rt.commentLimiter, { href: '/blog/', label: 'Torna agli articoli' });
  if (submission instanceof Response) return submission;
  const { isForm, input, fail } = submission;
  const values = Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
  const rawArticle = values.articolo ?? '';
  const invalid = (errors: Record<string, string>): Response | CommentFormRetry =>
    isForm && /^[a-z0-9][a-z0-9-]{0,127}$/.test(rawArticle)
      ? { kind: 'comment-retry', articleId: rawArticle, values: withoutHoneypot(values), errors }
      : isForm
        ? fail(422, Object.values(errors).join(' '))
        : json(422, { error: 'Controlla i campi evidenziati.', errors });

  const parsed = commentPayloadSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return invalid(errors);
  }
  const payload = parsed.data;
  const article = await findArticle(payload.articolo);
  if (!article) return fail(404, 'Questo articolo non esiste: non si può commentare.');
  const now = new Date();
  if (!commentsOpen(article, rt.config.comments.closeAfterDays, now))
    return fail(403, 'I commenti su questo articolo sono chiusi.');

  const content = contentHash(payload);
  const key = payload.idempotency_key ?? `form-${content}`;
  const answer = (comment: CommentRecord, replayed: boolean): Response => {
    if (isForm) {
      const state = comment.status === 'approved' ? `pubblicato#commento-${comment.id}` : 'in-attesa#esito';
      return new Response(null, {
        status: 303,
        headers: { Location: `${commentsPath(comment.articleId)}?stato=${state}`, 'Cache-Control': 'no-store' },
      });
    }
    const published = comment.status === 'approved';
    return json(
      201,
      {
        id: comment.id,
        status: published ? 'approved' : 'pending',
        message: published ? 'Il tuo commento è stato pubblicato.' : 'Il tuo commento è in attesa di moderazione.',
      },
      replayed ? { 'Idempotent-Replayed': 'true' } : {},
    );
  };

  let parentId = payload.risposta_a;
  if (parentId !== undefined) {
    const parent = rt.comments.get(parentId);
    if (!parent || parent.status !== 'approved' || parent.articleId !== article.id) {
      return invalid({ risposta_a: 'Il commento a cui rispondi non è più disponibile: scrivi un nuovo commento.' });
    }
    // One level of replies: an answer to a reply joins its thread.
    parentId = parent.parentId ?? parent.id;
  }

  const started = startTokenTime(rt.signingKey, payload.start_token);
  const spamReason = payload.website?.trim()
    ? 'honeypot'
    : started !== null && (now.getTime() - started) / 1000 < rt.config.minFillSeconds
      ? 'scritto troppo in fretta'
      : undefined;

  const existing = rt.comments.byIdempotencyKey(key);
  if (existing) {
    return existing.payloadHash === content
      ? answer(existing, true)
      : fail(409, 'Questa chiave di invio è già stata usata per un altro commento.');
  }
  if (!spamReason) {
    if (rt.comments.isDuplicate(article.id, payload.email, payload.commento))
      return fail(409, 'Hai già inviato questo commento.');
    const floodSeconds = rt.config.comments.floodSeconds;
    if (
      isFlooding(rt.comments.lastCreatedAt(payload.email), now, floodSeconds, () =>
        rt.floodGuard.hit(req.info.client.key),
      )
    ) {
      return fail(429, 'Stai commentando troppo velocemente. Aspetta qualche secondo e riprova.', {
        'Retry-After': String(Math.max(1, Math.ceil(floodSeconds))),
      });
    }
  }

  // Without the page's token (a post that skipped the page, or a page without JavaScript) a comment waits for a moderator.
  const verdict = spamReason
    ? { status: 'spam' as const, reason: spamReason }
    : started === null
      ? { status: 'pending' as const, reason: 'inviato senza il modulo della pagina' }
      : moderationStatus(payload.commento, rt.comments.hasApproved(payload.email), rt.config.comments.rules);
  const record: CommentRecord = {
    articleId: article.id,
    parentId,
    name: payload.nome,
    email: payload.email,
    site: payload.sito,
    text: payload.commento,
    status: verdict.status,
    reason: verdict.reason,
    createdAt: now.toISOString(),
    approvedAt: verdict.status === 'approved' ? now.toISOString() : undefined,
    idempotencyKey: key,
    payloadHash: content,
    form: `commenti:${isForm ? 'form' : 'json'}`,
    privacyNoticeVersion: payload.privacy_version,
    privacyTextId: COMMENT_CONSENT_TEXT.id,
  };
  const held = verdict.status === 'pending';
  const moderators = rt.config.email ? rt.config.comments.notifyTo : [];
  const stored = rt.comments.insert(record, (id): CommentOutbox[] => {
    if (!held) return [];
    if (!moderators.length) return [{ channel: 'email', status: 'skipped', payload: {} }];
    const email = heldCommentEmail({
      id,
      articleTitle: article.title,
      name: record.name,
      email: record.email,
      site: record.site,
      text: record.text,
      reason: record.reason,
    });
    return [{ channel: 'email', status: 'pending', payload: { ...email, to: moderators } }];
  });
  if (stored.created && held && moderators.length) void rt.worker.kick();
  return answer(stored.comment, !stored.created);
}

function withoutHoneypot(values: Record<string, string>): Record<string, string> {
  const { website: _honeypot, ...rest } = values;
  return rest;
}

/** The comment's content, without what changes between retries of the same submission. */
function contentHash(payload: CommentPayload): string {
  const { idempotency_key: _key, start_token: _token, website: _honeypot, ...content } = payload;
  return createHash('sha256').update(fingerprint(content)).digest('hex').slice(0, 32);
}
