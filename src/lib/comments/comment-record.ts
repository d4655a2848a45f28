import type { CommentPayload } from './comment-schema.ts';
import type { CommentVerdict } from './verdict.ts';
import { COMMENT_CONSENT_TEXT } from '../leads/consent.ts';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';

/** A comment as the server stores it: the author's words, the verdict and the proof of the notice shown. */
export interface CommentRecord {
  id?: number;
  articleId: string;
  parentId?: number;
  name: string;
  email: string;
  site?: string;
  text: string;
  status: CommentStatus;
  /** Why it is held or spam: a code of `abuse/reasons.ts`. */
  reason?: string;
  createdAt: string;
  approvedAt?: string;
  idempotencyKey: string;
  payloadHash: string;
  form: string;
  privacyNoticeVersion: string;
  privacyTextId: string;
  /** Which start token it came with (a digest), to count a token's uses. */
  tokenDigest?: string;
}

export interface CommentRecordInput {
  payload: CommentPayload;
  articleId: string;
  /** The thread it joins (one level of replies: an answer to a reply joins its thread). */
  parentId?: number;
  verdict: CommentVerdict;
  now: Date;
  idempotencyKey: string;
  payloadHash: string;
  isForm: boolean;
  tokenDigest?: string;
}

/** Puts together the stored comment from the payload and the verdict. */
export function commentRecord(input: CommentRecordInput): CommentRecord {
  const { payload, verdict, now } = input;
  return {
    articleId: input.articleId,
    parentId: input.parentId,
    name: payload.nome,
    email: payload.email,
    site: payload.sito,
    text: payload.commento,
    status: verdict.status,
    reason: verdict.reason,
    createdAt: now.toISOString(),
    approvedAt: verdict.status === 'approved' ? now.toISOString() : undefined,
    idempotencyKey: input.idempotencyKey,
    payloadHash: input.payloadHash,
    form: `commenti:${input.isForm ? 'form' : 'json'}`,
    privacyNoticeVersion: payload.privacy_version,
    privacyTextId: COMMENT_CONSENT_TEXT.id,
    tokenDigest: input.tokenDigest,
  };
}

/** What the author is told: published, or waiting for a moderator (a spam comment is told the same). */
export function commentResponse(comment: Pick<CommentRecord, 'id' | 'status'>) {
  const published = comment.status === 'approved';
  return {
    id: comment.id,
    status: published ? ('approved' as const) : ('pending' as const),
    message: published ? 'Il tuo commento è stato pubblicato.' : 'Il tuo commento è in attesa di moderazione.',
  };
}
