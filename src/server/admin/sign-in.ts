import { timingSafeEqual } from 'node:crypto';
import type { AstroCookies } from 'astro';
import type { Runtime } from '../runtime.ts';
import { verifyPassword } from './password.ts';
import { SESSION_COOKIE } from './constants.ts';

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export type SignInResult = { ok: true } | { ok: false; status: 401 | 429; message: string };

/**
 * Checks a sign-in and opens a session: the cookie is HttpOnly, SameSite=Strict, Secure
 * over HTTPS (as the browser sees it, behind a trusted proxy too), limited to /admin and to
 * the session's lifetime. Five failed attempts per client (an IPv4 address or an IPv6 /64)
 * lock it out for 15 minutes.
 */
export async function signIn(
  rt: Runtime,
  cookies: AstroCookies,
  input: { user: string; password: string; client: string; https: boolean },
): Promise<SignInResult> {
  const admin = rt.config.admin;
  if (!admin) return { ok: false, status: 401, message: 'L’area riservata è chiusa.' };
  // Only failures count; a client over the limit is not even checked.
  const wait = await rt.loginLimiter.blocked(input.client);
  if (wait > 0) {
    return { ok: false, status: 429, message: `Troppi tentativi: riprova tra ${Math.ceil(wait / 60)} minuti.` };
  }
  // Both checks always run: the time taken says nothing about which one failed.
  const passwordOk = await verifyPassword(input.password, admin.passwordHash);
  const userOk = sameText(input.user.trim(), admin.user);
  if (!passwordOk || !userOk) {
    await rt.loginLimiter.hit(input.client);
    return { ok: false, status: 401, message: 'Nome utente o password non corretti.' };
  }
  const { token } = await rt.sessions.create(admin.user, rt.credentialOf(admin.user) ?? '', admin.sessionHours);
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: input.https,
    path: '/admin',
    maxAge: Math.round(admin.sessionHours * 3600),
  });
  return { ok: true };
}

/** Where to go after signing in: a path of the team area only (never another site). */
export function afterSignIn(next: string | null): string {
  return next && /^\/admin\/[\w\-/.?=&%]*$/.test(next) && !next.startsWith('//') ? next : '/admin/';
}
