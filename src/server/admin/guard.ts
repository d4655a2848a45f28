import type { APIContext, MiddlewareNext } from 'astro';
import type { Runtime } from '../runtime.ts';
import { htmlError } from '../http/responses.ts';
import { LOGIN_PATH, SESSION_COOKIE } from './constants.ts';

const HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

function withHeaders(response: Response): Response {
  for (const [k, v] of Object.entries(HEADERS)) response.headers.set(k, v);
  return response;
}

/**
 * The team area's door, run by the middleware for every `/admin` request: closed when no
 * password is configured; otherwise a live session is required (sign-in page excepted), and
 * every state-changing request must carry the session's CSRF token.
 */
export async function guardAdmin(context: APIContext, next: MiddlewareNext, runtime: Runtime): Promise<Response> {
  if (!runtime.config.admin) {
    return htmlError(
      503,
      'L’area riservata è chiusa: nessuna password è configurata (ADMIN_PASSWORD o ADMIN_PASSWORD_HASH).',
      HEADERS,
      { href: '/', label: 'Torna al sito' },
    );
  }
  const path =
    context.url.pathname.endsWith('/') || context.url.pathname.includes('.')
      ? context.url.pathname
      : `${context.url.pathname}/`;
  const session = await runtime.sessions.find(context.cookies.get(SESSION_COOKIE)?.value, runtime.credentialOf);
  if (path === LOGIN_PATH) {
    if (session) context.locals.admin = { user: session.user, csrf: session.csrf };
    return withHeaders(await next());
  }
  if (!session) {
    if (context.request.method === 'GET' || context.request.method === 'HEAD') {
      return withHeaders(context.redirect(`${LOGIN_PATH}?dopo=${encodeURIComponent(path + context.url.search)}`, 303));
    }
    return htmlError(401, 'Sessione scaduta: accedi di nuovo.', HEADERS, { href: LOGIN_PATH, label: 'Accedi' });
  }
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD') {
    if (context.locals.request?.form.get('csrf') !== session.csrf) {
      return htmlError(403, 'Il modulo è scaduto o non viene da questa pagina: ricarica e riprova.', HEADERS, {
        href: path,
        label: 'Ricarica',
      });
    }
  }
  context.locals.admin = { user: session.user, csrf: session.csrf };
  return withHeaders(await next());
}
