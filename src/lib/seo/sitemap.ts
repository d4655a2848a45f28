/** The part of a sitemap entry we change (the rest of `@astrojs/sitemap`'s item passes through). */
interface SitemapItem {
  url: string;
  lastmod?: string;
}

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];

/**
 * A built page's sitemap entry, read from its own `<head>`: left out (`undefined`) when the page asks not to be
 * indexed, and dated (`lastmod`) by its last change or publication when it is an article.
 */
export function sitemapEntry<T extends SitemapItem>(item: T, html: string): T | undefined {
  if (/\bnoindex\b/.test(String(meta(html, 'robots')))) return undefined;
  const lastmod = meta(html, 'article:modified_time') ?? meta(html, 'article:published_time');
  return lastmod ? { ...item, lastmod } : item;
}
