import type { APIRoute } from 'astro';
import { getRuntime } from '../../server/runtime.ts';
import { SESSION_COOKIE, LOGIN_PATH } from '../../server/admin/constants.ts';

export const prerender = false;

/**
 * Sign-out (POST with the CSRF token, checked by the guard): the session ends on the
 * server too; with `ovunque`, every session of the member ends, on every device.
 */
export const POST: APIRoute = async ({ cookies, redirect, locals }) => {
  const rt = await getRuntime();
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (locals.request?.form.has('ovunque') && locals.admin) {
    await rt.sessions.deleteAll(locals.admin.user);
    await rt.audit.record({ actor: locals.admin.user, action: 'sign-out-everywhere', detail: {} });
  } else if (token) await rt.sessions.delete(token);
  cookies.delete(SESSION_COOKIE, { path: '/admin' });
  return redirect(LOGIN_PATH, 303);
};
