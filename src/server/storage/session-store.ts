import { createHash, randomBytes } from 'node:crypto';
import { SqliteStore } from './statements.ts';

export interface Session {
  user: string;
  /** The token every state-changing form of the team area must carry. */
  csrf: string;
  expiresAt: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Team-area sessions: the cookie holds a random token, the database only its hash. */
export class SessionStore extends SqliteStore {
  create(user: string, hours: number, now = new Date()): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url');
    const session = {
      user,
      csrf: randomBytes(24).toString('base64url'),
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    };
    this.sql.get('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
    this.sql
      .get('INSERT INTO sessions (token_hash, user, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(digest(token), user, session.csrf, now.toISOString(), session.expiresAt);
    return { token, session };
  }

  /** The live session of a token, or null (unknown, or expired). */
  find(token: string | undefined, now = new Date()): Session | null {
    if (!token) return null;
    const row = this.sql.get('SELECT user, csrf, expires_at FROM sessions WHERE token_hash = ?').get(digest(token));
    if (!row || String(row.expires_at) <= now.toISOString()) return null;
    return { user: String(row.user), csrf: String(row.csrf), expiresAt: String(row.expires_at) };
  }

  delete(token: string): void {
    this.sql.get('DELETE FROM sessions WHERE token_hash = ?').run(digest(token));
  }
}
