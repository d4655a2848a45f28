import type { Runtime } from '../runtime.ts';
import { checkNewMember } from '../../lib/accounts/member-rules.ts';
import { ROLES, type Role } from '../../lib/accounts/roles.ts';
import { hashPasswordAsync, temporaryPassword } from './password.ts';
import type { ActionOutcome } from './account-actions.ts';

/** The outcome of a titolare's action; a temporary password is shown once, never stored in clear. */
export type PeopleOutcome = ActionOutcome & { password?: { email: string; value: string } };

/**
 * What the titolare does on the people page: add a member (with a temporary password to
 * hand over, replaced at their first sign-in), change a role, disable or enable an
 * account, give a new temporary password. A titolare cannot lock themselves out (their
 * own role and account are not changed here). Everything goes in the audit log.
 */
export async function applyPeopleAction(rt: Runtime, form: URLSearchParams, actor: string): Promise<PeopleOutcome> {
  const action = form.get('azione');
  const audit = (what: string, target: string, detail: Record<string, unknown> = {}) =>
    rt.audit.record({ actor, action: what, target, detail });

  if (action === 'aggiungi') {
    const checked = checkNewMember({ email: form.get('email'), name: form.get('nome'), role: form.get('ruolo') });
    if (!checked.ok) return { ok: false, message: Object.values(checked.errors).join(' ') };
    const { member } = checked;
    if (rt.team.isOwner(member.email)) return { ok: false, message: 'Questa persona accede già come titolare.' };
    const password = temporaryPassword();
    const created = await rt.accounts.create({ ...member, passwordHash: await hashPasswordAsync(password) });
    if (!created) return { ok: false, message: `${member.email} ha già un account.` };
    await audit('account-create', member.email, { role: member.role });
    return {
      ok: true,
      message: `Account creato per ${member.name}.`,
      password: { email: member.email, value: password },
    };
  }

  const email = (form.get('email') ?? '').toLowerCase();
  const account = await rt.accounts.get(email);
  if (!account) return { ok: false, message: 'Questo account non esiste.' };
  if (email === actor) return { ok: false, message: 'Il tuo account lo gestisci dalla pagina «Il mio account».' };

  if (action === 'ruolo') {
    const role = form.get('ruolo') as Role;
    if (!ROLES.includes(role)) return { ok: false, message: 'Scegli un ruolo.' };
    if (role === account.role) return { ok: true, message: 'Nessuna modifica.' };
    await rt.accounts.setRole(email, role);
    await audit('account-role', email, { from: account.role, to: role });
    return { ok: true, message: `${account.name} ora è ${role}.` };
  }
  if (action === 'disattiva' || action === 'riattiva') {
    const disabled = action === 'disattiva';
    await rt.accounts.setDisabled(email, disabled);
    if (disabled) await rt.sessions.deleteAll(email);
    await audit(disabled ? 'account-disable' : 'account-enable', email);
    return {
      ok: true,
      message: disabled
        ? `${account.name} non può più accedere; i suoi contatti restano assegnati a lui o lei.`
        : `${account.name} può di nuovo accedere.`,
    };
  }
  if (action === 'nuova-password') {
    const password = temporaryPassword();
    await rt.accounts.setPassword(email, await hashPasswordAsync(password), true);
    await rt.sessions.deleteAll(email);
    await audit('account-password-reset', email);
    return {
      ok: true,
      message: `Nuova password temporanea per ${account.name}: le sessioni aperte sono chiuse.`,
      password: { email, value: password },
    };
  }
  return { ok: false, message: 'Azione sconosciuta.' };
}
