import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
    // Preact's core sits in a chunk Rolldown names after its first module (`preact.module…`, or `preload-helper…`
    // since the island imports its in-place result on demand): find it by its code, not its name.
    const code = (f: { name: string }) => readFileSync(path.join(TEST_CLIENT, f.name), 'utf8');
    expect(files.some((f) => f.name.startsWith('/') && code(f).includes('acit|ex(?:s|g|n|p|$)'))).toBe(true);
    expect(total(files, 'gzip'), describeFiles(files)).toBeLessThanOrEqual(15 * 1024);
  });

  it.each(['', 'blog', 'blog/tag', 'blog/tag/networking', 'privacy'])('/%s runs no JavaScript', (page) => {
    const files = pageJavaScript(TEST_CLIENT, html(page));
    expect(files, describeFiles(files)).toEqual([]);
  });

  it('an article runs only the script that fetches its comments: one file, at most 1 KB gzip, nothing inline', () => {
    const files = pageJavaScript(TEST_CLIENT, html('blog/definizione-di-networking'));
    expect(
      files.map((f) => f.name),
      describeFiles(files),
    ).toEqual([expect.stringMatching(/^\/_astro\/ArticleComments\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/)]);
    expect(total(files, 'gzip'), describeFiles(files)).toBeLessThanOrEqual(1024);
  });

  it('an article with comments switched off runs no JavaScript', () => {
    const files = pageJavaScript(TEST_CLIENT, html('blog/commenti-chiusi'));
    expect(files, describeFiles(files)).toEqual([]);
  });
});

describe('search JavaScript', () => {
  it('/cerca/ runs its own search script, under 2 KB gzip, which loads Pagefind only when asked', () => {
    const files = pageJavaScript(TEST_CLIENT, html('cerca'));
    expect(files.length, describeFiles(files)).toBe(1);
    expect(total(files, 'gzip'), describeFiles(files)).toBeLessThanOrEqual(2 * 1024);
    expect(readFileSync(path.join(TEST_CLIENT, files[0].name), 'utf8')).toContain('/pagefind/pagefind.js');
  });

  it("allows WebAssembly on /cerca/ only, beside the site's own scripts", () => {
    const scriptSrc = (page: string) => /script-src ([^;"]*)/.exec(html(page))![1];
    expect(scriptSrc('cerca')).toMatch(/^'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(scriptSrc('blog/definizione-di-networking')).not.toContain('wasm');
  });

  it('no other page mentions Pagefind', () => {
    const pages = readdirSync(TEST_CLIENT, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html') && f !== 'cerca/index.html');
    expect(pages.filter((f) => readFileSync(path.join(TEST_CLIENT, f), 'utf8').includes('pagefind.js'))).toEqual([]);
  });
});

/** Served from the client folder, requested by the editor's page only (src/server/cms/editor-page.ts). */
const EDITOR_SCRIPT = 'admin/redazione/editor.js';

describe('size budgets of the built files (gzip)', () => {
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const files = readdirSync(TEST_CLIENT, { recursive: true }).map(String);

  // The hashed CSP meta tag alone is ~1.3 KB gzip of this.
  it('an article page, HTML with its inlined CSS, stays within 10 KB', () => {
    const bytes = gz(path.join(TEST_CLIENT, 'blog/definizione-di-networking/index.html'));
    expect(bytes, `blog/definizione-di-networking/index.html: ${bytes} B gzip`).toBeLessThanOrEqual(10 * 1024);
  });

  // Pagefind's own scripts load on /cerca/ only, at the first search: their budget is in tests/e2e/search.test.ts.
  it('no page is over 12 KB and no script over 8 KB', () => {
    const over = files
      .filter((f) => (f.endsWith('.html') || f.endsWith('.js')) && !f.startsWith('pagefind/') && f !== EDITOR_SCRIPT)
      .map((f) => ({ f, bytes: gz(path.join(TEST_CLIENT, f)), limit: f.endsWith('.js') ? 8 * 1024 : 12 * 1024 }))
      .filter(({ bytes, limit }) => bytes > limit)
      .map(({ f, bytes, limit }) => `${f}: ${bytes} B gzip > ${limit}`);
    expect(over).toEqual([]);
  });

  // The web editor (Decap CMS with React) loads on /admin/redazione/ only, which no public page links to.
  it('the editor’s script stays within 1.8 MB and no public page loads it', () => {
    const bytes = gz(path.join(TEST_CLIENT, EDITOR_SCRIPT));
    expect(bytes, `${EDITOR_SCRIPT}: ${bytes} B gzip`).toBeLessThanOrEqual(1.8 * 1024 * 1024);
    const loading = files.filter(
      (f) => f.endsWith('.html') && readFileSync(path.join(TEST_CLIENT, f), 'utf8').includes('editor.js'),
    );
    expect(loading).toEqual([]);
  });

  it('ships no stylesheet file: every page inlines its CSS', () => {
    expect(files.filter((f) => f.endsWith('.css'))).toEqual([]);
  });
});
