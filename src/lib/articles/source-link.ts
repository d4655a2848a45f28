const ARTICLE_PATH = /^\/blog\/([^/]+)\/$/;

/** The article's id when `pathname` is an article page (`/blog/<id>/`), otherwise `null`. */
export function articleIdFromPath(pathname: string): string | null {
  const match = ARTICLE_PATH.exec(pathname);
  if (!match || /^\d+$/.test(match[1]) || match[1] === 'tag') return null;
  return decodeURIComponent(match[1]);
}

/**
 * A link to the free test that records the article the reader came from
 * (`/test-gratuito/?da=<id>`), so the lead can say which article brought it.
 */
export function testLinkFrom(testPath: string, pathname: string): string {
  const id = articleIdFromPath(pathname);
  return id ? `${testPath}?da=${encodeURIComponent(id)}` : testPath;
}
