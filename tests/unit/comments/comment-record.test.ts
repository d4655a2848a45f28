import { describe, it, expect } from 'vitest';
import { commentRecord, commentResponse } from '../../../src/lib/comments/comment-record.ts';
import { commentPayloadSchema } from '../../../src/lib/comments/comment-schema.ts';
import { COMMENT_CONSENT_TEXT } from '../../../src/lib/leads/consent.ts';

const payload = commentPayloadSchema.parse({
  articolo: 'un-articolo',
  nome: 'Chiara Neri',
  email: 'Chiara@Example.it',
  sito: 'https://chiara.example.it',
  commento: 'Un commento.',
  privacy_version: '2026-11-29',
});
const now = new Date('2026-11-30T10:00:00Z');
const base = { payload, articleId: 'un-articolo', now, idempotencyKey: 'k', payloadHash: 'h', isForm: false };

describe('the stored comment', () => {
  it('puts together the author, the text, the verdict and the proof of the notice shown', () => {
    expect(commentRecord({ ...base, parentId: 4, verdict: { status: 'approved' }, tokenDigest: 'd' })).toEqual({
      articleId: 'un-articolo',
      parentId: 4,
      name: 'Chiara Neri',
      email: 'chiara@example.it',
      site: 'https://chiara.example.it',
      text: 'Un commento.',
      status: 'approved',
      reason: undefined,
      createdAt: '2026-11-30T10:00:00.000Z',
      approvedAt: '2026-11-30T10:00:00.000Z',
      idempotencyKey: 'k',
      payloadHash: 'h',
      form: 'commenti:json',
      privacyNoticeVersion: '2026-11-29',
      privacyTextId: COMMENT_CONSENT_TEXT.id,
      tokenDigest: 'd',
    });
  });

  it('keeps the reason of a held comment, with no approval time, and names the plain form', () => {
    const held = commentRecord({ ...base, isForm: true, verdict: { status: 'pending', reason: 'first-comment' } });
    expect(held).toMatchObject({
      status: 'pending',
      reason: 'first-comment',
      approvedAt: undefined,
      form: 'commenti:form',
    });
  });
});

describe('what the author is told', () => {
  it.each([
    ['approved', 'approved', 'Il tuo commento è stato pubblicato.'],
    ['pending', 'pending', 'Il tuo commento è in attesa di moderazione.'],
    // A bot learns nothing: spam reads like a held comment.
    ['spam', 'pending', 'Il tuo commento è in attesa di moderazione.'],
  ] as const)('%s → %s', (status, shown, message) => {
    expect(commentResponse({ id: 3, status })).toEqual({ id: 3, status: shown, message });
  });
});
