import { articleIdFromPath } from '../paths.ts';

/**
 * A link to the free test that records the article the reader came from
 * (`/test-gratuito/?da=<id>`), so the lead can say which article brought it.
 */
export function testLinkFrom(testPath: string, pathname: string): string {
  const id = articleIdFromPath(pathname);
  return id ? `${testPath}?da=${encodeURIComponent(id)}` : testPath;
}
