import { describe, it, expect } from 'vitest';
import { hashPassword, verifyPassword, isPasswordHash } from '../../../src/server/admin/password.ts';
import { leadFilterFrom } from '../../../src/server/admin/lead-filter.ts';
import { afterSignIn } from '../../../src/server/admin/sign-in.ts';
import { MemoryRateLimiter } from '../../../src/server/http/rate-limiter.ts';

describe('admin passwords', () => {
  const hash = hashPassword('una password lunga');

  it('hashes with scrypt and a random salt', () => {
    expect(isPasswordHash(hash)).toBe(true);
    expect(hash.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(hashPassword('una password lunga')).not.toBe(hash);
  });

  it.each([
    ['una password lunga', true],
    ['una password lunga ', false],
    ['Una password lunga', false],
    ['', false],
  ])('verifies %j → %s', async (password, ok) => {
    expect(await verifyPassword(password, hash)).toBe(ok);
  });

  it('refuses what is not a hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('checks on the thread pool, leaving the event loop free', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 4 }, () => verifyPassword('una password lunga', hash)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('the lead filter of the team area', () => {
  it.each([
    ['', { spam: 'exclude' }],
    [
      'esito=in-target&dal=2026-11-01&al=2026-11-30&marketing=si&spam=solo',
      { outcome: 'in-target', from: '2026-11-01', to: '2026-11-30', marketing: true, spam: 'only' },
    ],
    ['marketing=no&spam=inclusi', { marketing: false, spam: 'include' }],
    ['dal=ieri&al=2026-13&marketing=forse', { spam: 'exclude' }],
  ])('%j', (query, expected) => {
    const filter = Object.fromEntries(
      Object.entries(leadFilterFrom(new URLSearchParams(query))).filter(([, v]) => v !== undefined),
    );
    expect(filter).toEqual(expected);
  });
});

describe('after sign-in', () => {
  it.each([
    [null, '/admin/'],
    ['/admin/contatti/?esito=in-target', '/admin/contatti/?esito=in-target'],
    ['https://evil.example/admin/', '/admin/'],
    ['//evil.example/admin/', '/admin/'],
    ['/blog/', '/admin/'],
  ])('goes to %j → %s', (next, path) => {
    expect(afterSignIn(next)).toBe(path);
  });
});

describe('the rate limiter of one process', () => {
  it('counts hits per client in a window, and tells when a client is blocked without counting', async () => {
    const limiter = new MemoryRateLimiter(2, 60);
    expect([
      await limiter.hit('a', 0),
      await limiter.hit('a', 1),
      await limiter.hit('a', 2),
      await limiter.hit('b', 2),
    ]).toEqual([0, 0, 60, 0]);
    expect(await limiter.blocked('a', 3)).toBe(60);
    expect(await limiter.blocked('b', 3)).toBe(0);
    expect(await limiter.hit('a', 60_001)).toBe(0);
  });
});
