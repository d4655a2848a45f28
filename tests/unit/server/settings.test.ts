import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSettings, readBuildSettings, SETTING_NAMES, ConfigError } from '../../../src/server/settings.ts';
import { loadConfig } from '../../../src/server/config.ts';
import { ROOT } from '../../support/paths.ts';

describe('settings', () => {
  it('has a default for everything a first run needs', () => {
    const settings = readSettings({});
    expect(settings).toMatchObject({
      SITE_URL: 'https://www.segnalazionevincente.com',
      DATA_DIR: './data',
      TRUST_PROXY: '',
      RETENTION_LEADS_DAYS: 730,
      COMMENTS_TRUST_APPROVED: true,
      PORT: 4321,
    });
    expect(settings.SMTP_URL).toBeUndefined();
  });

  it('reads numbers, flags and keeps the default for an empty value', () => {
    expect(
      readSettings({
        LEADS_RATE_LIMIT: '25',
        COMMENTS_TRUST_APPROVED: 'false',
        DATA_DIR: '',
        OUTBOX_RETRY_SECONDS: '0.5',
      }),
    ).toMatchObject({
      LEADS_RATE_LIMIT: 25,
      COMMENTS_TRUST_APPROVED: false,
      DATA_DIR: './data',
      OUTBOX_RETRY_SECONDS: 0.5,
    });
  });

  it.each([
    [{ LEADS_RATE_LIMIT: '0' }, 'LEADS_RATE_LIMIT must be ≥ 1 (got "0")'],
    [{ LEADS_RATE_LIMIT: 'dieci' }, 'LEADS_RATE_LIMIT must be a number'],
    [{ RETENTION_LEADS_DAYS: '1.5' }, 'RETENTION_LEADS_DAYS must be a whole number'],
    [{ COMMENTS_TRUST_APPROVED: 'sì' }, 'COMMENTS_TRUST_APPROVED must be one of 0, 1, false, true'],
    [{ SMTP_URL: 'http://mail.example.it' }, 'SMTP_URL must be a URL'],
    [{ SITE_URL: 'www.example.it' }, 'SITE_URL must be a URL'],
    [{ WEBHOOK_SECRET: 'corto' }, 'WEBHOOK_SECRET must be at least 16 characters'],
  ])('names the variable and the problem: %j', (env, message) => {
    expect(() => readSettings(env)).toThrow(ConfigError);
    expect(() => readSettings(env)).toThrow(message);
  });

  it('never fails a build on a server setting', () => {
    expect(readBuildSettings({ SMTP_URL: 'nonsense', SITE_URL: 'https://example.it' }).SITE_URL).toBe(
      'https://example.it',
    );
  });

  it('turns a wrong TRUST_PROXY into a configuration error naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, il-proxy' })).toThrow(
      'Invalid configuration: TRUST_PROXY has "il-proxy"',
    );
  });

  it('is documented, every one of them, in .env.example (beside what Caddy and compose read)', () => {
    const example = readFileSync(`${ROOT}.env.example`, 'utf8');
    const deploy = ['Caddyfile', 'compose.yaml', 'compose.postgres.yaml']
      .map((f) => readFileSync(`${ROOT}deploy/${f}`, 'utf8'))
      .join('\n');
    const known = new Set<string>([...SETTING_NAMES, ...[...deploy.matchAll(/\{\$?([A-Z_]+)/g)].map((m) => m[1])]);
    const documented = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(SETTING_NAMES.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });
});
