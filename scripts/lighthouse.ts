/**
 * Lighthouse (mobile) on the built site served locally: home, an article, the test page and
 * the privacy page, three runs each; prints the median of the four category scores and of
 * LCP, CLS and TBT per page. Builds first. Uses Debian's Chromium or CHROME_PATH.
 *   npm run lighthouse
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer, tempDataDir } from '../tests/support/server.ts';
import { chromePath } from '../tests/support/browser.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = ['/', '/blog/definizione-di-networking/', '/test-gratuito/', '/privacy/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (process.env.LIGHTHOUSE_SKIP_BUILD !== '1') {
  const built = spawnSync(process.execPath, ['scripts/build.ts', '--force'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startServer({ DATA_DIR: await tempDataDir() }, path.resolve('dist'));
const chrome = await chromeLauncher.launch({
  chromePath: chromePath(),
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  console.log(`Lighthouse ${RUNS}× per page, mobile, Chromium at ${chromePath()}`);
  console.log('page'.padEnd(36) + CATEGORIES.map((c) => c.padStart(15)).join('') + '      LCP ms   CLS     TBT ms');
  for (const page of PAGES) {
    const runs: { scores: number[]; lcp: number; cls: number; tbt: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(server.url + page, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const lhr = result!.lhr;
      runs.push({
        scores: CATEGORIES.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100)),
        lcp: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
        cls: lhr.audits['cumulative-layout-shift'].numericValue ?? NaN,
        tbt: lhr.audits['total-blocking-time'].numericValue ?? NaN,
      });
    }
    const scores = CATEGORIES.map((_, k) => median(runs.map((r) => r.scores[k])));
    console.log(
      page.padEnd(36) +
        scores.map((s) => String(s).padStart(15)).join('') +
        `${median(runs.map((r) => r.lcp))
          .toFixed(0)
          .padStart(12)}${median(runs.map((r) => r.cls))
          .toFixed(3)
          .padStart(8)}${median(runs.map((r) => r.tbt))
          .toFixed(0)
          .padStart(9)}`,
    );
  }
} finally {
  chrome.kill();
  await server.stop();
}
