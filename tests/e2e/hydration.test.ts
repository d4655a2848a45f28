import { describe, it, expect } from 'vitest';
import { siteUnderTest } from '../support/site-under-test.ts';
import { loadRealQuiz } from '../support/quiz-fixtures.ts';
import { openTest } from '../support/journeys.ts';

/*
 * The server draws the island's first question, and the island then hydrates and wakes up (issue 16: Lighthouse's
 * CLS was 0.045 on a phone when the island replaced the plain form). Waking up must move nothing a visitor sees.
 */
const site = siteUnderTest();
const questions = loadRealQuiz().questions.length;

interface Shift {
  value: number;
  node: string;
}

describe('the test page when its island wakes up', () => {
  it.each([
    [360, 740],
    [412, 823], // Lighthouse's phone
    [1280, 800],
  ])('moves nothing on a %i×%i screen', async (width, height) => {
    const page = await site.browser.newPage({ viewport: { width, height } });
    await page.addInitScript(() => {
      const shifts: { value: number; node: string }[] = ((window as unknown as { shifts: Shift[] }).shifts = []);
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[])
          shifts.push({
            value: e.value,
            node: (e.sources[0]?.node as Element | undefined)?.outerHTML.slice(0, 80) ?? '',
          });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openTest(page, `${site.server.url}/test-gratuito/`);
    await expect.poll(() => page.locator('.quiz__step').textContent()).toBe(`Domanda 1 di ${questions}`);
    // Two frames, so a shift from the last render is reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
    expect(shifts).toEqual([]);
    await page.close();
  });
});
