import type { APIRoute } from 'astro';
import { getRuntime } from '../../server/runtime.ts';
import { SESSION_COOKIE, LOGIN_PATH } from '../../server/admin/constants.ts';

export const prerender = false;

/** Sign-out (POST with the CSRF token, checked by the guard): the session ends on the server too. */
export const POST: APIRoute = ({ cookies, redirect }) => {
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (token) getRuntime().sessions.delete(token);
  cookies.delete(SESSION_COOKIE, { path: '/admin' });
  return redirect(LOGIN_PATH, 303);
};
