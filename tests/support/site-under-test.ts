import { beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, tempDataDir, type RunningServer } from './server.ts';
import { launchBrowser } from './browser.ts';

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
