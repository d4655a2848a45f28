import { describe, it, expect } from 'vitest';
import { isValidResultLink, resultPath } from '../../../src/server/leads/result-link.ts';

const key = Buffer.alloc(32, 7);
const now = new Date('2026-11-30T10:00:00Z');
const expires = new Date('2026-12-30T10:00:00Z');
const params = (path: string) => new URL(path, 'https://x.it').searchParams;

describe('the signed result link', () => {
  const good = resultPath(key, 'lead-1', expires);

  it('carries the id, the expiry in seconds and a signature', () => {
    expect(good).toMatch(/^\/test-gratuito\/risultato\/\?id=lead-1&scade=1798624800&firma=[\w-]{32}$/);
    expect(isValidResultLink(key, params(good), now)).toBe(true);
  });

  it.each<[string, (p: URLSearchParams) => void, Date]>([
    ['expired', () => {}, new Date(expires.getTime() + 1000)],
    ['another lead', (p) => p.set('id', 'lead-2'), now],
    ['a stretched expiry', (p) => p.set('scade', String(Number(p.get('scade')) + 86_400)), now],
    ['an expiry that is not a number', (p) => p.set('scade', '1e12'), now],
    ['no id', (p) => p.delete('id'), now],
    ['a short signature', (p) => p.set('firma', 'abc'), now],
    ['no signature', (p) => p.delete('firma'), now],
  ])('refuses %s', (_, change, at) => {
    const p = params(good);
    change(p);
    expect(isValidResultLink(key, p, at)).toBe(false);
  });

  it('refuses a link signed with another key', () => {
    expect(isValidResultLink(Buffer.alloc(32, 8), params(good), now)).toBe(false);
  });

  it('still works the second before it expires', () => {
    expect(isValidResultLink(key, params(good), new Date(expires.getTime() - 1))).toBe(true);
  });
});
