import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../../src/server/storage/database.ts';
import { SessionStore } from '../../../src/server/storage/session-store.ts';
import { issueStartToken, readStartToken } from '../../../src/server/http/start-token.ts';

let dir: string;
let db: DatabaseSync;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sv-sessions-'));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('team sessions', () => {
  const now = new Date('2026-11-30T10:00:00Z');

  it('open only while the credential they were opened with is the current one', () => {
    const sessions = new SessionStore(db);
    const { token } = sessions.create('anna', 'cred-1', 8, now);
    const current = { anna: 'cred-1' } as Record<string, string>;
    const of = (user: string) => current[user] ?? null;
    expect(sessions.find(token, of, now)?.user).toBe('anna');
    current.anna = 'cred-2'; // a new password
    expect(sessions.find(token, of, now)).toBeNull();
    delete current.anna; // no longer a member
    expect(sessions.find(token, of, now)).toBeNull();
  });

  it('expire, and end everywhere at once', () => {
    const sessions = new SessionStore(db);
    const of = () => 'c';
    const a = sessions.create('anna', 'c', 1, now).token;
    const b = sessions.create('anna', 'c', 1, now).token;
    const other = sessions.create('bruno', 'c', 1, now).token;
    expect(sessions.find(a, of, new Date(now.getTime() + 3_599_000))).not.toBeNull();
    expect(sessions.find(a, of, new Date(now.getTime() + 3_600_000))).toBeNull();
    expect(sessions.deleteAll('anna')).toBe(2);
    expect([sessions.find(a, of, now), sessions.find(b, of, now)]).toEqual([null, null]);
    expect(sessions.find(other, of, now)?.user).toBe('bruno');
  });
});

describe('start tokens as signed', () => {
  const key = Buffer.alloc(32, 7);
  const other = Buffer.alloc(32, 8);
  const token = issueStartToken(key, 'lead', 1_796_000_000_000);

  it.each([
    ['the same form', token, key, 'lead', 'valid'],
    ['another form', token, key, 'comment', 'other-form'],
    ['another key', token, other, 'lead', 'forged'],
    ['a changed time', token.replace('1796000000000', '1796000000001'), key, 'lead', 'forged'],
    ['the old format', `1796000000000.${'a'.repeat(43)}`, key, 'lead', 'legacy'],
    ['garbage', 'lead.x.y', key, 'lead', 'forged'],
    ['nothing', undefined, key, 'lead', 'missing'],
    ['an empty string', '', key, 'lead', 'missing'],
  ] as const)('%s → %s', (_name, given, signingKey, purpose, kind) => {
    expect(readStartToken(signingKey, given, purpose).kind).toBe(kind);
  });

  it('identifies a valid token by a digest, never the token itself', () => {
    const state = readStartToken(key, token, 'lead');
    expect(state).toMatchObject({ kind: 'valid', issuedAt: 1_796_000_000_000 });
    if (state.kind === 'valid') expect(state.digest).not.toContain(token.split('.')[2]);
  });
});
