/*
 * The ids every schema shares, one pattern each: the article a comment names, the article a lead came from and
 * the article file itself follow one rule. Plain RegExps with no zod, so the test's island can use them within
 * its 15 KB; the zod schemas built from them are in `id-schemas.ts`.
 */

/** An article's id is its file name without `.mdx`, and the last segment of its URL. */
export const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** Ids inside the free test (the test, its questions, options, categories and outcomes): stored with each lead. */
export const QUIZ_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The key a client sends with each submission attempt, the same across retries. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** Whether `value` is a well-formed article id (not whether the article exists). */
export const isArticleId = (value: unknown): value is string => typeof value === 'string' && ARTICLE_ID.test(value);
