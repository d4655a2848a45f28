import { beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, tempDataDir, type RunningServer } from './server.ts';
import { launchBrowser } from './browser.ts';
import { startSmtp } from './smtp.ts';

export interface SiteUnderTest {
  server: RunningServer;
  browser: Browser;
  dataDir: string;
}

/**
 * For a browser test file: the built server on a fresh DATA_DIR (plus `env`, which may be
 * computed once other services are up) and headless Chromium, started before the file's
 * tests and stopped after them.
 */
export function siteUnderTest(
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): SiteUnderTest {
  const site = {} as SiteUnderTest;
  beforeAll(async () => {
    const [dataDir, browser, extra] = await Promise.all([
      tempDataDir(),
      launchBrowser(),
      typeof env === 'function' ? env() : env,
    ]);
    Object.assign(site, { dataDir, browser, server: await startServer({ DATA_DIR: dataDir, ...extra }) });
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  return site;
}

export type SiteWithMail = SiteUnderTest & { smtp: Awaited<ReturnType<typeof startSmtp>> };

/**
 * A browser test's site that tells the team by email, through a real SMTP receiver started before the server
 * (its address is in the server's settings) and closed after the file. Leads may be sent as fast as a script
 * answers (the minimum fill time would rightly call a script a bot); `env` adds or overrides settings.
 */
export function siteWithMail(env: Record<string, string> = {}): SiteWithMail {
  let smtp: SiteWithMail['smtp'] | undefined;
  const site = siteUnderTest(async () => {
    smtp = await startSmtp();
    return {
      LEADS_MIN_FILL_SECONDS: '0',
      SMTP_URL: smtp.url,
      NOTIFY_EMAIL_TO: 'vendite@segnalazionevincente.com',
      OUTBOX_POLL_SECONDS: '0.2',
      ...env,
    };
  });
  afterAll(() => smtp?.close());
  return Object.defineProperty(site, 'smtp', { get: () => smtp }) as SiteWithMail;
}
