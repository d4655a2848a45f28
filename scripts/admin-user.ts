/**
 * Manages the team's personal accounts from a terminal (the titolare does it in /admin/persone/ too):
 *   npm run admin:user -- add <email> --ruolo <titolare|commerciale|redazione> [--nome "Nome Cognome"]
 *   npm run admin:user -- list
 *   npm run admin:user -- reset <email>        a new temporary password
 *   npm run admin:user -- disable <email> | enable <email>
 * A new or reset account gets a temporary password, printed once, to replace at the first sign-in.
 * Reads DATABASE_URL or DATA_DIR like the server; every change goes in the audit log.
 */
import { parseArgs } from 'node:util';
import { cliSettings, fail, openExisting } from './lib/cli.ts';
import { AccountStore } from '../src/server/storage/account-store.ts';
import { AuditStore } from '../src/server/storage/audit-store.ts';
import { SessionStore } from '../src/server/storage/session-store.ts';
import { hashPasswordAsync, temporaryPassword } from '../src/server/admin/password.ts';
import { checkNewMember } from '../src/lib/accounts/member-rules.ts';
import { ROLES } from '../src/lib/accounts/roles.ts';
import { printable } from '../src/lib/text/characters.ts';

const USAGE = `Usage: npm run admin:user -- add <email> --ruolo <${ROLES.join('|')}> [--nome "Nome"] | list | reset <email> | disable <email> | enable <email>`;
const ACTOR = 'riga di comando';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { ruolo: { type: 'string' }, nome: { type: 'string' } },
});
const [command, email = ''] = positionals;
if (!command || !['add', 'list', 'reset', 'disable', 'enable'].includes(command)) fail(USAGE);
const settings = cliSettings();
const db = await openExisting(settings);
const accounts = new AccountStore(db);
const audit = new AuditStore(db);

try {
  if (command === 'list') {
    for (const a of await accounts.list())
      console.log(
        `${a.email}\t${a.role}\t${printable(a.name)}${a.disabled ? '\tdisattivato' : ''}${a.temporaryPassword ? '\tpassword temporanea' : ''}`,
      );
  } else if (command === 'add') {
    const checked = checkNewMember({ email, name: values.nome ?? email.split('@')[0], role: values.ruolo });
    if (!checked.ok) fail(Object.values(checked.errors).join(' ') + `\n${USAGE}`);
    const password = temporaryPassword();
    if (!(await accounts.create({ ...checked.member, passwordHash: await hashPasswordAsync(password) })))
      fail(`${checked.member.email} already has an account (npm run admin:user -- reset ${checked.member.email}).`);
    await audit.record({
      actor: ACTOR,
      action: 'account-create',
      target: checked.member.email,
      detail: { role: checked.member.role },
    });
    console.log(
      `Account created: ${checked.member.email} (${checked.member.role}).\nTemporary password: ${password}\nThey sign in at /admin/ and choose their own.`,
    );
  } else {
    const account = await accounts.get(email);
    if (!account) fail(`No account for ${email}.`);
    if (command === 'reset') {
      const password = temporaryPassword();
      await accounts.setPassword(account.email, await hashPasswordAsync(password), true);
      await new SessionStore(db).deleteAll(account.email);
      await audit.record({ actor: ACTOR, action: 'account-password-reset', target: account.email, detail: {} });
      console.log(`Temporary password for ${account.email}: ${password}`);
    } else {
      const disabled = command === 'disable';
      await accounts.setDisabled(account.email, disabled);
      if (disabled) await new SessionStore(db).deleteAll(account.email);
      await audit.record({
        actor: ACTOR,
        action: disabled ? 'account-disable' : 'account-enable',
        target: account.email,
        detail: {},
      });
      console.log(`${account.email} ${disabled ? 'disabled' : 'enabled'}.`);
    }
  }
} finally {
  await db.close();
}
