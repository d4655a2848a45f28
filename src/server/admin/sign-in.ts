import type { AstroCookies } from 'astro';
import type { Runtime } from '../runtime.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { SESSION_COOKIE } from './constants.ts';
import type { Member } from './team.ts';

export type SignInResult = { ok: true } | { ok: false; status: 401 | 429; message: string };

/** Checked when the user is unknown, so the time taken says nothing about which half was wrong. */
const NOBODY = hashPassword('nessuno-ha-questa-password');

/**
 * Checks a sign-in and opens a session (`openSession`; Secure as the browser sees it,
 * behind a trusted proxy too). Five failed attempts per client (an IPv4 address or an IPv6 /64)
 * lock it out for 15 minutes. Every attempt, good or bad, goes in the audit log.
 */
export async function signIn(
  rt: Runtime,
  cookies: AstroCookies,
  input: { user: string; password: string; client: string; https: boolean },
): Promise<SignInResult> {
  // Only failures count; a client over the limit is not even checked.
  const wait = await rt.loginLimiter.blocked(input.client);
  if (wait > 0) {
    return { ok: false, status: 429, message: `Troppi tentativi: riprova tra ${Math.ceil(wait / 60)} minuti.` };
  }
  const member = await rt.team.find(input.user);
  const passwordOk = await verifyPassword(input.password, member?.passwordHash ?? NOBODY);
  if (!member || !passwordOk) {
    await rt.loginLimiter.hit(input.client);
    await rt.audit.record({ actor: input.user.trim().slice(0, 254) || '—', action: 'sign-in-failed', detail: {} });
    return { ok: false, status: 401, message: 'Email (o nome utente) o password non corretti.' };
  }
  await openSession(rt, cookies, member, input.https);
  await rt.audit.record({ actor: member.user, action: 'sign-in', detail: {} });
  return { ok: true };
}

/**
 * Opens a session for a member with their current credential and sets its cookie:
 * HttpOnly, SameSite=Strict, Secure over HTTPS, limited to /admin and to its lifetime.
 * Returns the new session's CSRF token, for a page that goes on after a change of password.
 */
export async function openSession(
  rt: Runtime,
  cookies: AstroCookies,
  member: Member,
  https: boolean,
): Promise<{ csrf: string }> {
  const hours = rt.config.sessionHours;
  const { token, session } = await rt.sessions.create(member.user, rt.team.fingerprint(member), hours);
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: https,
    path: '/admin',
    maxAge: Math.round(hours * 3600),
  });
  return { csrf: session.csrf };
}

/** Where to go after signing in: a path of the team area only (never another site). */
export function afterSignIn(next: string | null): string {
  return next && /^\/admin\/[\w\-/.?=&%]*$/.test(next) && !next.startsWith('//') ? next : '/admin/';
}
