import type { Role } from '../../lib/accounts/roles.ts';
import { num, type Db, type Row } from './db.ts';

/** A team member with an account of their own (the owner from ADMIN_USER is not one: see `team.ts`). */
export interface Account {
  /** Signs in with it; the key. Lower case. */
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  disabled: boolean;
  /** Wants the daily summary email (new leads, follow-ups due). */
  dailySummary: boolean;
  /** Given by the titolare: the member is sent to choose their own before anything else. */
  temporaryPassword: boolean;
}

export class AccountStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async list(): Promise<Account[]> {
    return (await this.db.all('SELECT * FROM accounts ORDER BY disabled, name, email')).map(toAccount);
  }

  async get(email: string): Promise<Account | null> {
    const row = await this.db.get('SELECT * FROM accounts WHERE email = :email', { email: email.toLowerCase() });
    return row ? toAccount(row) : null;
  }

  /** Adds a member with a temporary password; false when the email has an account already. */
  async create(account: Pick<Account, 'email' | 'name' | 'role' | 'passwordHash'>, now = new Date()): Promise<boolean> {
    return (
      (await this.db.run(
        `INSERT INTO accounts (email, name, role, password_hash, created_at) VALUES (:email, :name, :role, :hash, :now)
         ON CONFLICT (email) DO NOTHING`,
        {
          email: account.email.toLowerCase(),
          name: account.name,
          role: account.role,
          hash: account.passwordHash,
          now: now.toISOString(),
        },
      )) > 0
    );
  }

  async setRole(email: string, role: Role): Promise<boolean> {
    return (await this.db.run('UPDATE accounts SET role = :role WHERE email = :email', { role, email })) > 0;
  }

  /** A new password: the member's own, or a temporary one from the titolare. Ends the old one's sessions. */
  async setPassword(email: string, passwordHash: string, temporary: boolean): Promise<boolean> {
    return (
      (await this.db.run(
        'UPDATE accounts SET password_hash = :passwordHash, temporary_password = :temporary WHERE email = :email',
        { passwordHash, temporary: temporary ? 1 : 0, email },
      )) > 0
    );
  }

  async setDisabled(email: string, disabled: boolean): Promise<boolean> {
    return (
      (await this.db.run('UPDATE accounts SET disabled = :disabled WHERE email = :email', {
        disabled: disabled ? 1 : 0,
        email,
      })) > 0
    );
  }

  async setDailySummary(email: string, wanted: boolean): Promise<boolean> {
    return (
      (await this.db.run('UPDATE accounts SET daily_summary = :wanted WHERE email = :email', {
        wanted: wanted ? 1 : 0,
        email,
      })) > 0
    );
  }

  /** Active members, for choosing a lead's owner. */
  async active(): Promise<Account[]> {
    return (await this.list()).filter((a) => !a.disabled);
  }
}

function toAccount(r: Row): Account {
  return {
    email: String(r.email),
    name: String(r.name),
    role: r.role as Role,
    passwordHash: String(r.password_hash),
    createdAt: String(r.created_at),
    disabled: num(r.disabled) === 1,
    dailySummary: num(r.daily_summary) === 1,
    temporaryPassword: num(r.temporary_password) === 1,
  };
}
