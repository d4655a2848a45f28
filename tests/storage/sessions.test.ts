import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Db } from '../../src/server/storage/db.ts';
import { SessionStore } from '../../src/server/storage/session-store.ts';
import { ENGINES, freshDb } from '../support/engines.ts';

describe.each(ENGINES)('team sessions on %s', (engine) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(engine));
  });
  afterEach(() => close());
  const now = new Date('2026-11-30T10:00:00Z');

  it('open only while the credential they were opened with is the current one', async () => {
    const sessions = new SessionStore(db);
    const { token } = await sessions.create('anna', 'cred-1', 8, now);
    const current = { anna: 'cred-1' } as Record<string, string>;
    const of = (user: string) => current[user] ?? null;
    expect((await sessions.find(token, of, now))?.user).toBe('anna');
    expect(await sessions.find('un-altro-token', of, now)).toBeNull();
    current.anna = 'cred-2'; // a new password
    expect(await sessions.find(token, of, now)).toBeNull();
    delete current.anna; // no longer a member
    expect(await sessions.find(token, of, now)).toBeNull();
  });

  it('expire, and end one by one or everywhere at once', async () => {
    const sessions = new SessionStore(db);
    const of = () => 'c';
    const a = (await sessions.create('anna', 'c', 1, now)).token;
    const b = (await sessions.create('anna', 'c', 1, now)).token;
    const c = (await sessions.create('anna', 'c', 1, now)).token;
    const other = (await sessions.create('bruno', 'c', 1, now)).token;
    expect(await sessions.find(a, of, new Date(now.getTime() + 3_599_000))).not.toBeNull();
    expect(await sessions.find(a, of, new Date(now.getTime() + 3_600_000))).toBeNull();
    await sessions.delete(c);
    expect(await sessions.find(c, of, now)).toBeNull();
    expect(await sessions.deleteAll('anna')).toBe(2);
    expect([await sessions.find(a, of, now), await sessions.find(b, of, now)]).toEqual([null, null]);
    expect((await sessions.find(other, of, now))?.user).toBe('bruno');
  });
});
