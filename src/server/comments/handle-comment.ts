import { createHash } from 'node:crypto';
import { commentPayloadSchema, type CommentPayload } from '../../lib/comments/comment-schema.ts';
import { commentsOpen, isFlooding } from '../../lib/comments/moderation.ts';
import { commentVerdict } from '../../lib/comments/verdict.ts';
import { commentRecord, commentResponse, type CommentRecord } from '../../lib/comments/comment-record.ts';
import { tokenReason } from '../../lib/abuse/start-token.ts';
import { fingerprint } from '../../lib/leads/idempotency.ts';
import { heldCommentEmail } from '../../lib/notify/comment-notification.ts';
import { SITE } from '../../site.config.ts';
import { blogPath, commentsPath } from '../../lib/paths.ts';
import { isArticleId } from '../../lib/ids.ts';
import type { CommentOutbox } from '../storage/comment-store.ts';
import type { Runtime } from '../runtime.ts';
import type { ArticleInfo } from '../content.ts';
import { readSubmission, type SubmissionRequest } from '../http/submission.ts';
import { json } from '../http/responses.ts';
import { readStartToken } from '../http/start-token.ts';

/** The plain form came back invalid: the comments page re-renders it with the input and the errors. */
export interface CommentFormRetry {
  kind: 'comment-retry';
  articleId: string;
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** What the comment endpoint checks a comment against: the article, the notice shown now. */
export interface CommentContent {
  findArticle: (id: string) => Promise<ArticleInfo | null>;
  privacyNoticeVersion: string;
}

/**
 * Receives one comment, with the lead path's shape: the transport checks, then the
 * article (exists, open), the reply target, duplicates and the flood guard; the verdict
 * is a pure function (`commentVerdict`), the record and the answer are built from it. A
 * held comment is stored with its moderators' email in one transaction.
 */
export async function handleComment(
  req: SubmissionRequest,
  content: CommentContent,
  rt: Runtime,
): Promise<Response | CommentFormRetry> {
  const submission = await readSubmission(req, rt.commentLimiter, { href: blogPath(), label: 'Torna agli articoli' });
  if (submission instanceof Response) return submission;
  const { isForm, input, fail } = submission;
  const values = Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
  const invalid = (errors: Record<string, string>): Response | CommentFormRetry =>
    isForm && isArticleId(values.articolo)
      ? { kind: 'comment-retry', articleId: values.articolo, values: withoutHoneypot(values), errors }
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
  const article = await content.findArticle(payload.articolo);
  if (!article) return fail(404, 'Questo articolo non esiste: non si può commentare.');
  const now = new Date();
  if (!commentsOpen(article, rt.config.comments.closeAfterDays, now))
    return fail(403, 'I commenti su questo articolo sono chiusi.');
  if (payload.privacy_version !== content.privacyNoticeVersion)
    return invalid({ privacy: 'Il testo dell’informativa è stato aggiornato nel frattempo: ricarica la pagina.' });

  const hash = contentHash(payload);
  const key = payload.idempotency_key ?? `form-${hash}`;
  const answer = (comment: CommentRecord, replayed: boolean): Response => {
    if (isForm) {
      const state = comment.status === 'approved' ? `pubblicato#commento-${comment.id}` : 'in-attesa#esito';
      return new Response(null, {
        status: 303,
        headers: { Location: `${commentsPath(comment.articleId)}?stato=${state}`, 'Cache-Control': 'no-store' },
      });
    }
    return json(201, commentResponse(comment), replayed ? { 'Idempotent-Replayed': 'true' } : {});
  };
  const existing = await rt.comments.byIdempotencyKey(key);
  if (existing) {
    return existing.payloadHash === hash
      ? answer(existing, true)
      : fail(409, 'Questa chiave di invio è già stata usata per un altro commento.');
  }

  let parentId = payload.risposta_a;
  if (parentId !== undefined) {
    const parent = await rt.comments.get(parentId);
    if (!parent || parent.status !== 'approved' || parent.articleId !== article.id) {
      return invalid({ risposta_a: 'Il commento a cui rispondi non è più disponibile: scrivi un nuovo commento.' });
    }
    parentId = parent.parentId ?? parent.id;
  }

  const token = readStartToken(rt.signingKey, payload.start_token, 'comment');
  const digest = token.kind === 'valid' ? token.digest : undefined;
  const verdict = commentVerdict(
    {
      honeypot: Boolean(payload.website?.trim()),
      token: tokenReason(
        token,
        digest ? await rt.comments.countByToken(digest, rt.config.tokens.comment.maxUses) : 0,
        now.getTime(),
        rt.config.tokens.comment,
      ),
      name: payload.nome,
      text: payload.commento,
      approvedNames: await rt.comments.approvedNames(payload.email),
      siteName: SITE.name,
    },
    rt.config.comments.rules,
  );
  if (verdict.status !== 'spam') {
    if (await rt.comments.isDuplicate(article.id, payload.email, payload.commento))
      return fail(409, 'Hai già inviato questo commento.');
    const floodSeconds = rt.config.comments.floodSeconds;
    if (
      await isFlooding(await rt.comments.lastCreatedAt(payload.email), now, floodSeconds, () =>
        rt.floodGuard.hit(req.info.client.key),
      )
    ) {
      return fail(429, 'Stai commentando troppo velocemente. Aspetta qualche secondo e riprova.', {
        'Retry-After': String(Math.max(1, Math.ceil(floodSeconds))),
      });
    }
  }

  const record = commentRecord({
    payload,
    articleId: article.id,
    parentId,
    verdict,
    now,
    idempotencyKey: key,
    payloadHash: hash,
    isForm,
    tokenDigest: digest,
  });
  const held = record.status === 'pending';
  const moderators = rt.config.email ? rt.config.comments.notifyTo : [];
  const stored = await rt.comments.insert(record, (id): CommentOutbox[] => {
    if (!held) return [];
    if (!moderators.length) return [{ channel: 'email', status: 'skipped', payload: {} }];
    const email = heldCommentEmail({ ...record, id, articleTitle: article.title });
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
