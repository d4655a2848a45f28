/**
 * Whether a browser request comes from this site. Astro checks `Origin` only for form
 * posts; JSON posts are checked here. No `Origin` (a server-side client) is allowed:
 * CSRF needs a browser, and browsers always send it on a POST.
 */
export function isSameSite(origin: string | null, requestUrl: URL, allowed: string[] = []): boolean {
  if (!origin) return true;
  if (origin === requestUrl.origin) return true;
  return allowed.includes(origin);
}
