import { describe, it, expect } from 'vitest';
import { sitemapEntry, sitemapFacts } from '../../../src/lib/seo/sitemap.ts';

const item = { url: 'https://www.segnalazionevincente.com/blog/a/', changefreq: undefined };
const head = (...tags: string[]) => `<html lang="it"><head><title>A</title>${tags.join('')}</head><body></body></html>`;

describe('sitemap entries', () => {
  it.each([
    ['a page with no dates: as it is', head(), item],
    [
      'an article: its publication',
      head('<meta property="article:published_time" content="2026-11-29T00:00:00.000Z">'),
      { ...item, lastmod: '2026-11-29T00:00:00.000Z' },
    ],
    [
      'an updated article: its last change',
      head(
        '<meta property="article:published_time" content="2026-11-29T00:00:00.000Z">',
        '<meta property="article:modified_time" content="2026-12-01T08:30:00.000Z">',
      ),
      { ...item, lastmod: '2026-12-01T08:30:00.000Z' },
    ],
    ['noindex: left out', head('<meta name="robots" content="noindex">'), undefined],
    ['noindex among others: left out', head('<meta name="robots" content="nofollow, noindex">'), undefined],
    ['index: kept', head('<meta name="robots" content="index, follow">'), item],
    ['“noindex” in a description: kept', head('<meta name="description" content="noindex">'), item],
  ])('%s', (_name, html, expected) => {
    expect(sitemapEntry(item, sitemapFacts(html))).toEqual(expected);
  });
});
