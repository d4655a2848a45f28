import type { AstroCookies } from 'astro';
import type { Runtime } from '../runtime.ts';
import { passwordProblem } from '../../lib/accounts/member-rules.ts';
import { hashPasswordAsync, verifyPassword } from './password.ts';
import { openSession } from './sign-in.ts';

/** What happened, in Italian, and whether it went as asked. */
export interface ActionOutcome {
  ok: boolean;
  message: string;
  /** The CSRF token of the session that replaced the current one (after a change of password). */
  csrf?: string;
}

/**
 * What a member does on their own page: choose a new password (the current one first;
 * every other session ends, this one goes on with a new session) or switch the daily
 * summary on or off. The owner from the settings changes their password there, not here.
 */
export async function applyAccountAction(
  rt: Runtime,
  form: URLSearchParams,
  who: { user: string; https: boolean; cookies: AstroCookies },
): Promise<ActionOutcome> {
  const action = form.get('azione');
  const account = await rt.accounts.get(who.user);
  if (!account)
    return { ok: false, message: 'La tua password si cambia nelle impostazioni del server (ADMIN_PASSWORD_HASH).' };

  if (action === 'password') {
    const fresh = form.get('nuova') ?? '';
    if (!(await verifyPassword(form.get('attuale') ?? '', account.passwordHash)))
      return { ok: false, message: 'La password attuale non è corretta.' };
    const problem = passwordProblem(fresh, form.get('ripeti') ?? '', account.email);
    if (problem) return { ok: false, message: problem };
    if (await verifyPassword(fresh, account.passwordHash))
      return { ok: false, message: 'La nuova password deve essere diversa da quella attuale.' };
    await rt.accounts.setPassword(account.email, await hashPasswordAsync(fresh), false);
    await rt.sessions.deleteAll(account.email);
    const member = await rt.team.find(account.email);
    const session = member ? await openSession(rt, who.cookies, member, who.https) : undefined;
    await rt.audit.record({ actor: account.email, action: 'password-change', target: account.email, detail: {} });
    return {
      ok: true,
      message: 'Password cambiata. Sugli altri dispositivi dovrai accedere di nuovo.',
      csrf: session?.csrf,
    };
  }
  if (action === 'riepilogo') {
    const wanted = form.get('riepilogo') === 'si';
    await rt.accounts.setDailySummary(account.email, wanted);
    return {
      ok: true,
      message: wanted ? 'Riceverai il riepilogo ogni mattina.' : 'Non riceverai più il riepilogo.',
    };
  }
  return { ok: false, message: 'Azione sconosciuta.' };
}
