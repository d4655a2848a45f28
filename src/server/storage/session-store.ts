import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

export interface Session {
  user: string;
  /** The token every state-changing form of the team area must carry. */
  csrf: string;
  expiresAt: string;
  /** The fingerprint of the credential it was opened with: the guard compares it with the member's current one. */
  credential: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Team-area sessions, in the database (so every instance knows them): the cookie holds a
 * random token, the database only its hash. Each session remembers the credential it was
 * opened with (a fingerprint, never the password): once the password or the user
 * changes, its old sessions open nothing.
 */
export class SessionStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async create(
    user: string,
    credential: string,
    hours: number,
    now = new Date(),
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const session = {
      user,
      csrf: randomBytes(24).toString('base64url'),
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      credential,
    };
    await this.db.run('DELETE FROM sessions WHERE expires_at <= :now', { now: now.toISOString() });
    await this.db.run(
      `INSERT INTO sessions (token_hash, "user", csrf, created_at, expires_at, credential)
       VALUES (:hash, :user, :csrf, :now, :expires, :credential)`,
      {
        hash: digest(token),
        user,
        csrf: session.csrf,
        now: now.toISOString(),
        expires: session.expiresAt,
        credential,
      },
    );
    return { token, session };
  }

  /** The live session of a token, or null (unknown, or expired). The guard checks its credential. */
  async find(token: string | undefined, now = new Date()): Promise<Session | null> {
    if (!token) return null;
    const row = await this.db.get(
      'SELECT "user", csrf, expires_at, credential FROM sessions WHERE token_hash = :hash',
      { hash: digest(token) },
    );
    if (!row || String(row.expires_at) <= now.toISOString()) return null;
    return {
      user: String(row.user),
      csrf: String(row.csrf),
      expiresAt: String(row.expires_at),
      credential: String(row.credential),
    };
  }

  async delete(token: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = :hash', { hash: digest(token) });
  }

  /** Ends every session of a user, on every device; returns how many there were. */
  deleteAll(user: string): Promise<number> {
    return this.db.run('DELETE FROM sessions WHERE "user" = :user', { user });
  }
}
