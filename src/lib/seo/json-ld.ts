import { SITE } from '../../site.config.ts';

type JsonLd = Record<string, unknown>;

/**
 * Serialises structured data for a `<script type="application/ld+json">`.
 * `<` is escaped so no text (a title with `</script>`) can close the element.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface ArticleLdInput {
  url: URL;
  title: string;
  description: string;
  published: Date;
  modified?: Date;
  author: string;
  tags: string[];
  image?: URL;
}

/** schema.org `BlogPosting` for an article page. */
export function blogPostingLd(a: ArticleLdInput, site: URL): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: a.title,
    description: a.description,
    url: a.url.href,
    mainEntityOfPage: a.url.href,
    datePublished: a.published.toISOString(),
    dateModified: (a.modified ?? a.published).toISOString(),
    author: { '@type': 'Person', name: a.author },
    publisher: { '@type': 'Organization', name: SITE.name, url: site.href },
    inLanguage: SITE.locale,
    keywords: a.tags.join(', ') || undefined,
    image: a.image?.href,
  };
}

/** schema.org `Organization` and `WebSite` for the home page. */
export function homeLd(site: URL): JsonLd[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: SITE.name,
      url: site.href,
      description: SITE.description,
    },
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: SITE.name,
      url: site.href,
      inLanguage: SITE.locale,
    },
  ];
}
