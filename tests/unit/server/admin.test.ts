import { describe, it, expect } from 'vitest';
import {
  hashPassword,
  hashPasswordAsync,
  verifyPassword,
  isPasswordHash,
  temporaryPassword,
} from '../../../src/server/admin/password.ts';
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

  it('hashes on the thread pool too, in the same form', async () => {
    const other = await hashPasswordAsync('una password lunga');
    expect(other).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(other).not.toBe(hash);
    expect(await verifyPassword('una password lunga', other)).toBe(true);
  });

  it('makes temporary passwords that are easy to read out and never the same', () => {
    const passwords = Array.from({ length: 50 }, temporaryPassword);
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
    expect(new Set(passwords).size).toBe(50);
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
