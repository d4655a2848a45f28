/** The part of a sitemap entry we change (the rest of `@astrojs/sitemap`'s item passes through). */
interface SitemapItem {
  url: string;
  lastmod?: string;
}

/** What a built page's `<head>` says about its sitemap entry. */
export interface SitemapFacts {
  noindex: boolean;
  lastmod?: string;
}

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];

/** Read from a built page's `<head>`: whether it asks not to be indexed, and its last change or publication. */
export function sitemapFacts(head: string): SitemapFacts {
  return {
    noindex: /\bnoindex\b/.test(String(meta(head, 'robots'))),
    lastmod: meta(head, 'article:modified_time') ?? meta(head, 'article:published_time'),
  };
}

/** A page's sitemap entry: left out (`undefined`) when it asks not to be indexed, dated when it is an article. */
export function sitemapEntry<T extends SitemapItem>(item: T, facts: SitemapFacts): T | undefined {
  if (facts.noindex) return undefined;
  return facts.lastmod ? { ...item, lastmod: facts.lastmod } : item;
}
