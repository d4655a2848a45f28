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

  it('remember the credential they were opened with, for the guard to compare with the current one', async () => {
    const sessions = new SessionStore(db);
    const { token, session } = await sessions.create('anna', 'cred-1', 8, now);
    expect(await sessions.find(token, now)).toEqual({ ...session, credential: 'cred-1' });
    expect(await sessions.find('un-altro-token', now)).toBeNull();
    expect(await sessions.find(undefined, now)).toBeNull();
  });

  it('expire, and end one by one or everywhere at once', async () => {
    const sessions = new SessionStore(db);
    const a = (await sessions.create('anna', 'c', 1, now)).token;
    const b = (await sessions.create('anna', 'c', 1, now)).token;
    const c = (await sessions.create('anna', 'c', 1, now)).token;
    const other = (await sessions.create('bruno', 'c', 1, now)).token;
    expect(await sessions.find(a, new Date(now.getTime() + 3_599_000))).not.toBeNull();
    expect(await sessions.find(a, new Date(now.getTime() + 3_600_000))).toBeNull();
    await sessions.delete(c);
    expect(await sessions.find(c, now)).toBeNull();
    expect(await sessions.deleteAll('anna')).toBe(2);
    expect([await sessions.find(a, now), await sessions.find(b, now)]).toEqual([null, null]);
    expect((await sessions.find(other, now))?.user).toBe('bruno');
  });
});
