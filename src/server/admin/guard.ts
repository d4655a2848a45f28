import type { APIContext, MiddlewareNext } from 'astro';
import type { Runtime } from '../runtime.ts';
import { htmlError } from '../http/responses.ts';
import { ACCOUNT_PATH, LOGIN_PATH, SESSION_COOKIE } from './constants.ts';
import { mayOpen } from '../../lib/accounts/roles.ts';

const HEADERS = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' };

function withHeaders(response: Response): Response {
  for (const [k, v] of Object.entries(HEADERS)) response.headers.set(k, v);
  return response;
}

/**
 * The team area's door, run by the middleware for every `/admin` request: closed when
 * nobody can sign in; otherwise a live session is required (sign-in page excepted), opened
 * with the member's current credential; the member's role must allow the route
 * (`lib/accounts/roles.ts`, one table for every route); every state-changing request must
 * carry the session's CSRF token.
 */
export async function guardAdmin(context: APIContext, next: MiddlewareNext, runtime: Runtime): Promise<Response> {
  if (!(await runtime.team.isOpen())) {
    return htmlError(
      503,
      'L’area riservata è chiusa: nessuna password è configurata (ADMIN_PASSWORD o ADMIN_PASSWORD_HASH) e nessun account esiste (npm run admin:user).',
      HEADERS,
      { href: '/', label: 'Torna al sito' },
    );
  }
  const path =
    context.url.pathname.endsWith('/') || context.url.pathname.includes('.')
      ? context.url.pathname
      : `${context.url.pathname}/`;
  const session = await runtime.sessions.find(context.cookies.get(SESSION_COOKIE)?.value);
  const member = session ? await runtime.team.find(session.user) : null;
  const valid = session && member && runtime.team.fingerprint(member) === session.credential ? session : null;
  const signedIn =
    valid && member
      ? {
          user: member.user,
          name: member.name,
          role: member.role,
          csrf: valid.csrf,
          temporaryPassword: member.temporaryPassword,
        }
      : null;
  if (path === LOGIN_PATH) {
    if (signedIn) context.locals.admin = signedIn;
    return withHeaders(await next());
  }
  if (!signedIn) {
    if (context.request.method === 'GET' || context.request.method === 'HEAD') {
      return withHeaders(context.redirect(`${LOGIN_PATH}?dopo=${encodeURIComponent(path + context.url.search)}`, 303));
    }
    return htmlError(401, 'Sessione scaduta: accedi di nuovo.', HEADERS, { href: LOGIN_PATH, label: 'Accedi' });
  }
  // A temporary password opens only the page that replaces it (and the way out).
  if (signedIn.temporaryPassword && path !== ACCOUNT_PATH && path !== '/admin/esci/') {
    return withHeaders(context.redirect(ACCOUNT_PATH, 303));
  }
  if (!mayOpen(signedIn.role, path)) {
    return htmlError(403, 'Il tuo ruolo non dà accesso a questa parte dell’area riservata.', HEADERS, {
      href: '/admin/',
      label: 'Torna al riepilogo',
    });
  }
  if (context.request.method !== 'GET' && context.request.method !== 'HEAD') {
    // Forms send the token as a field; the web editor's script as a header (its requests are JSON).
    const token = context.locals.request?.form.get('csrf') ?? context.request.headers.get('x-csrf-token');
    if (token !== signedIn.csrf) {
      return htmlError(403, 'Il modulo è scaduto o non viene da questa pagina: ricarica e riprova.', HEADERS, {
        href: path,
        label: 'Ricarica',
      });
    }
  }
  context.locals.admin = signedIn;
  return withHeaders(await next());
}
