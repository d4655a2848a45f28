import { articleIdFromPath } from '../paths.ts';
import { isArticleId } from '../ids.ts';
import { UTM_KEYS, type UtmKey } from './utm.ts';

export interface VisitContext {
  utm: Partial<Record<UtmKey, string>>;
  sourceArticle?: string;
  landingPath?: string;
}

function utmOf(params: URLSearchParams): Partial<Record<UtmKey, string>> {
  const utm: Partial<Record<UtmKey, string>> = {};
  for (const key of UTM_KEYS) {
    const value = params.get(key)?.trim();
    if (value) utm[key] = value.slice(0, 200);
  }
  return utm;
}

/**
 * Where the prospect came from, read on the test page. Article pages ship no JavaScript,
 * so an article's UTM parameters reach the test through the same-site `Referer`
 * (`document.referrer`): one hop, article → test. The test page's own `?da=` and UTM win.
 */
export function visitContext(page: URL, referrer: string): VisitContext {
  let previous: URL | null = null;
  try {
    previous = referrer ? new URL(referrer) : null;
  } catch {
    // not a URL: no previous page
  }
  if (previous && previous.origin !== page.origin) previous = null;

  const own = utmOf(page.searchParams);
  const utm = Object.keys(own).length ? own : previous ? utmOf(previous.searchParams) : {};
  const da = page.searchParams.get('da');
  const sourceArticle =
    (isArticleId(da) ? da : undefined) ?? (previous ? (articleIdFromPath(previous.pathname) ?? undefined) : undefined);
  const landingPath = (previous ?? page).pathname;
  return { utm, sourceArticle, landingPath };
}
