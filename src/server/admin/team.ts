import { createHmac } from 'node:crypto';
import type { Role } from '../../lib/accounts/roles.ts';
import type { ServerConfig } from '../config.ts';
import type { AccountStore } from '../storage/account-store.ts';

/** A member of the team as the team area knows them: the owner from the settings, or an account. */
export interface Member {
  /** What they sign in with: ADMIN_USER for the owner, an email for an account. */
  user: string;
  name: string;
  role: Role;
  passwordHash: string;
  /** What identifies their credential: a new password ends the sessions opened with the old one. */
  credentialSource: string;
  /** Given by the titolare: to be replaced before anything else. */
  temporaryPassword: boolean;
}

/**
 * The team: the bootstrap owner (ADMIN_USER with ADMIN_PASSWORD or ADMIN_PASSWORD_HASH,
 * always a titolare) and the accounts in the database. A disabled account is nobody.
 */
export class Team {
  private readonly owner: ServerConfig['admin'];
  private readonly accounts: AccountStore;
  private readonly key: Buffer;

  constructor(owner: ServerConfig['admin'], accounts: AccountStore, key: Buffer) {
    this.owner = owner;
    this.accounts = accounts;
    this.key = key;
  }

  async find(user: string): Promise<Member | null> {
    const name = user.trim();
    if (this.owner && name === this.owner.user)
      return {
        user: this.owner.user,
        name: this.owner.user,
        role: 'titolare',
        passwordHash: this.owner.passwordHash,
        credentialSource: this.owner.credentialSource,
        temporaryPassword: false,
      };
    const account = name.includes('@') ? await this.accounts.get(name) : null;
    if (!account || account.disabled) return null;
    return {
      user: account.email,
      name: account.name,
      role: account.role,
      passwordHash: account.passwordHash,
      credentialSource: account.passwordHash,
      temporaryPassword: account.temporaryPassword,
    };
  }

  /** The fingerprint of a member's current credential, for their sessions; null: no such member. */
  async credentialOf(user: string): Promise<string | null> {
    const member = await this.find(user);
    return member ? this.fingerprint(member) : null;
  }

  fingerprint(member: Member): string {
    return createHmac('sha256', this.key).update(`${member.user}\n${member.credentialSource}`).digest('base64url');
  }

  /** Everybody who can sign in: the owner first, then the active accounts. */
  async members(): Promise<{ user: string; name: string; role: Role }[]> {
    const accounts = (await this.accounts.active()).map((a) => ({ user: a.email, name: a.name, role: a.role }));
    return this.owner ? [{ user: this.owner.user, name: this.owner.user, role: 'titolare' }, ...accounts] : accounts;
  }

  /** Whether `user` is the owner from the settings, whose password only the settings change. */
  isOwner(user: string): boolean {
    return this.owner?.user === user;
  }

  /** Whether anybody can sign in: an owner is configured, or an account exists. */
  async isOpen(): Promise<boolean> {
    return Boolean(this.owner) || (await this.accounts.active()).length > 0;
  }
}
