import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { TEST_CLIENT } from '../support/paths.ts';
import { securityHeaders } from '../../src/server/http/security-headers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ DATA_DIR: await tempDataDir(), ADMIN_PASSWORD: 'password-di-prova-lunga' });
});
afterAll(async () => {
  await server?.stop();
});

const asset = readdirSync(path.join(TEST_CLIENT, '_astro')).find((f) => f.endsWith('.js'))!;

describe('security headers on every kind of response', () => {
  it.each([
    ['a static page', '/blog/definizione-di-networking/', 'GET'],
    ['a hashed asset', `/_astro/${asset}`, 'GET'],
    ['an endpoint', '/api/leads', 'POST'],
    ['the team area', '/admin/accesso/', 'GET'],
    ['a missing page', '/non-esiste/', 'GET'],
  ])('%s', async (_name, p, method) => {
    const res = await fetch(server.url + p, {
      method,
      headers: { Origin: server.url, 'Content-Type': 'application/json' },
      body: method === 'POST' ? '{' : undefined,
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeNull();
    await res.body?.cancel();
  });

  it('does not add HSTS because an untrusted client says "https" (the proxy test checks a trusted one)', async () => {
    const res = await fetch(`${server.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBeNull();
    await res.body?.cancel();
  });

  it('caches hashed assets for a year and makes pages revalidate', async () => {
    const js = await fetch(`${server.url}/_astro/${asset}`);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('cache-control')).toMatch(/max-age=0|no-cache/);
    const api = await fetch(`${server.url}/api/leads/token`);
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});

describe('securityHeaders', () => {
  it('revalidates HTML only, and adds HSTS over HTTPS only', () => {
    const names = (https: boolean, type?: string) => securityHeaders(https, type).map(([n]) => n);
    expect(names(false, 'text/html; charset=utf-8')).toContain('Cache-Control');
    expect(names(false, 'application/json')).not.toContain('Cache-Control');
    expect(names(true, 'text/css')).toContain('Strict-Transport-Security');
    expect(names(false, 'text/css')).not.toContain('Strict-Transport-Security');
  });
});
