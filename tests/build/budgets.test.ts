import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_CLIENT } from '../support/paths.ts';
import { pageJavaScript, total } from '../support/page-js.ts';

const html = (page: string) => readFileSync(path.join(TEST_CLIENT, page, 'index.html'), 'utf8');
const describeFiles = (files: ReturnType<typeof pageJavaScript>) =>
  files.map((f) => `${f.name}: ${f.raw} B, ${f.gzip} B gzip`).join('\n');

describe('JavaScript budgets', () => {
  it('the test page runs at most 15 KB gzip of JavaScript, Preact and Astro included', () => {
    const files = pageJavaScript(TEST_CLIENT, html('test-gratuito'));
    expect(files.some((f) => f.name.includes('QuizForm'))).toBe(true);
    expect(files.some((f) => f.name.includes('preact'))).toBe(true);
    expect(total(files, 'gzip'), describeFiles(files)).toBeLessThanOrEqual(15 * 1024);
  });

  it.each(['', 'blog', 'blog/tag/networking', 'privacy'])('/%s runs no JavaScript', (page) => {
    const files = pageJavaScript(TEST_CLIENT, html(page));
    expect(files, describeFiles(files)).toEqual([]);
  });

  it('an article runs only the loader of its comments server island, at most 1 KB gzip, no script file', () => {
    const files = pageJavaScript(TEST_CLIENT, html('blog/definizione-di-networking'));
    expect(files.length).toBeGreaterThan(0);
    expect(
      files.every((f) => f.name.startsWith('server island')),
      describeFiles(files),
    ).toBe(true);
    expect(total(files, 'gzip'), describeFiles(files)).toBeLessThanOrEqual(1024);
  });
});
