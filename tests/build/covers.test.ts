import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { TEST_CLIENT } from '../support/paths.ts';

/*
 * Issue 13: the `cover` was never shown. It is now on the article, the lists and the home, through
 * astro:assets: AVIF and WebP at the widths the page uses, width and height set, lazy below the fold.
 */

const html = (page: string) => readFileSync(path.join(TEST_CLIENT, page, 'index.html'), 'utf8');
const ALT = 'Tre cerchi colorati che si sovrappongono';

function picture(page: string) {
  const match = /<picture[^>]*>(.*?)<\/picture>/s.exec(html(page));
  if (!match) throw new Error(`no <picture> in ${page}`);
  const img = /<img [^>]*>/.exec(match[1])?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(img)?.[1];
  const sources = [...match[1].matchAll(/<source [^>]*type="([^"]+)"[^>]*>/g)].map((m) => m[1]);
  const srcsets = [...match[1].matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1].split(', '));
  return { attr, sources, srcsets };
}

describe('cover images', () => {
  it('on the article: modern formats, sizes for the column, width and height, loaded first', () => {
    const { attr, sources, srcsets } = picture('blog/con-copertina');
    expect(sources).toEqual(['image/avif', 'image/webp']);
    expect(attr('alt')).toBe(ALT);
    expect(Number(attr('width'))).toBeGreaterThan(0);
    expect(Number(attr('height'))).toBeGreaterThan(0);
    expect(attr('loading')).toBe('eager');
    expect(attr('fetchpriority')).toBe('high');
    expect(attr('sizes')).toBe('(min-width: 46rem) 42rem, 100vw');
    for (const candidate of srcsets) {
      const file = candidate.split(' ')[0];
      expect(existsSync(path.join(TEST_CLIENT, file)), file).toBe(true);
    }
  });

  it('in the lists of articles: a small picture with the same alt text', () => {
    for (const page of ['blog/tag/fiducia', 'blog']) {
      const { attr, sources } = picture(page);
      expect(sources).toEqual(['image/avif', 'image/webp']);
      expect(attr('alt')).toBe(ALT);
      expect(attr('sizes')).toBe('(min-width: 40rem) 8rem, 5.5rem');
      expect(Number(attr('width'))).toBeGreaterThan(0);
    }
    // First card of its tag's page: on screen at once. Further down /blog/: lazy.
    expect(picture('blog/tag/fiducia').attr('loading')).toBe('eager');
    expect(picture('blog').attr('loading')).toBe('lazy');
  });

  it('an article without a cover has no picture', () => {
    expect(html('blog/definizione-di-networking')).not.toContain('<picture');
  });
});
