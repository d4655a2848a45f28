import { describe, it, expect } from 'vitest';
import { siteUnderTest } from '../support/site-under-test.ts';

const site = siteUnderTest();

describe('the hashed Content-Security-Policy', () => {
  it.each([
    ['the test page, whose island hydrates', '/test-gratuito/', 'astro-island:not([ssr])'],
    ['an article, whose comments load', '/blog/definizione-di-networking/', '.comment-form__remember:not([hidden])'],
  ])('%s, with no violation', async (_name, path, ready) => {
    const page = await site.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await page.goto(site.server.url + path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).toContain("'sha256-");
    expect(scriptSrc).not.toContain('unsafe-inline');
    await page.locator(ready).first().waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });
});
