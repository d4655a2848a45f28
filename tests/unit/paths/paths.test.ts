import { describe, it, expect } from 'vitest';
import {
  articlePath,
  blogPath,
  commentPath,
  commentsPath,
  commentsSectionPath,
  TAG_INDEX_PATH,
  tagPath,
} from '../../../src/lib/paths.ts';
import { ARTICLE_ID, IDEMPOTENCY_KEY, isArticleId, QUIZ_ID } from '../../../src/lib/ids.ts';
import { articleIdSchema, idempotencyKeySchema, quizIdSchema } from '../../../src/lib/id-schemas.ts';
import { commentPayloadSchema } from '../../../src/lib/comments/comment-schema.ts';

describe('paths', () => {
  it('builds every article, tag and comment URL', () => {
    expect(blogPath()).toBe('/blog/');
    expect(blogPath(1)).toBe('/blog/');
    expect(blogPath(3)).toBe('/blog/3/');
    expect(articlePath('fiducia')).toBe('/blog/fiducia/');
    expect(commentsPath('fiducia')).toBe('/blog/fiducia/commenti/');
    expect(commentsSectionPath('fiducia')).toBe('/blog/fiducia/commenti/sezione/');
    expect(commentPath('fiducia', 12)).toBe('/blog/fiducia/#commento-12');
    expect(TAG_INDEX_PATH).toBe('/blog/tag/');
    expect(tagPath('Città & Società')).toBe('/blog/tag/citta-societa/');
  });
});

describe('shared ids', () => {
  it.each([
    ['definizione-di-networking', true],
    ['2026-bilancio', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['-inizio', false],
    ['Maiuscole', false],
    ['città', false],
    ['', false],
    [42, false],
  ])('article id %j is well formed: %s', (id, ok) => {
    expect(isArticleId(id)).toBe(ok);
    expect(articleIdSchema.safeParse(id).success).toBe(ok);
  });

  it.each(['definizione-di-networking', 'a'.repeat(129), '-inizio', 'Maiuscole', 'città', '../admin', ''])(
    'the lead’s article %j is judged as the comment form’s, with the same Italian message',
    (id) => {
      const message = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0].message;
      const expected = message(commentPayloadSchema.shape.articolo.safeParse(id));
      expect(message(articleIdSchema.safeParse(id))).toBe(expected);
      expect(expected).toBe(isArticleId(id) ? undefined : 'Articolo non valido.');
    },
  );

  it('quiz ids are at most 64 characters', () => {
    expect(QUIZ_ID.test('a'.repeat(64))).toBe(true);
    expect(quizIdSchema.safeParse('a'.repeat(65)).error?.issues[0].message).toMatch(/max 64/);
    expect(ARTICLE_ID.test('a'.repeat(65))).toBe(true);
  });

  it('an idempotency key is 16 to 64 URL-safe characters', () => {
    expect(IDEMPOTENCY_KEY.test('Ab_-'.repeat(4))).toBe(true);
    expect(idempotencyKeySchema.safeParse('corta').error?.issues[0].message).toBe('Chiave di invio non valida.');
  });
});
