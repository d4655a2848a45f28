import { SITE } from '../../site.config.ts';
import { serializeJsonLd } from './json-ld.ts';

export interface HeadInput {
  /** The site's public origin (`Astro.site`). */
  site: URL;
  /** The page's path, e.g. `/blog/definizione-di-networking/`. */
  path: string;
  /** The page's own title; the brand is appended. Omit on the home page. */
  title?: string;
  description?: string;
  type?: 'website' | 'article';
  article?: { published: Date; modified?: Date; author: string; tags: string[] };
  /** Absolute URL and alternative text of the page's image, if it has one. */
  image?: { url: URL; alt: string };
  /** Pages that must not appear in search results (404, admin). */
  noindex?: boolean;
  /** Structured data for the page. */
  jsonLd?: Record<string, unknown> | Record<string, unknown>[];
}

export interface HeadTag {
  tag: 'title' | 'meta' | 'link' | 'script';
  attrs: Record<string, string>;
  content?: string;
}

/** The full title: "Pagina | Segnalazione Vincente", or the brand's tagline on the home page. */
export function pageTitle(title?: string): string {
  return title ? `${title} | ${SITE.name}` : `${SITE.name}: reti di segnalazione per le aziende`;
}

/**
 * Every tag of a page's `<head>` that depends on the page, as data: one function
 * for titles, canonical URLs, Open Graph, Twitter cards, RSS discovery and JSON-LD.
 */
export function getHead(input: HeadInput): HeadTag[] {
  const title = pageTitle(input.title);
  const description = input.description ?? SITE.description;
  const canonical = new URL(input.path, input.site).href;
  const meta = (attrs: Record<string, string>): HeadTag => ({ tag: 'meta', attrs });

  const tags: HeadTag[] = [
    { tag: 'title', attrs: {}, content: title },
    meta({ name: 'description', content: description }),
    { tag: 'link', attrs: { rel: 'canonical', href: canonical } },
    {
      tag: 'link',
      attrs: {
        rel: 'alternate',
        type: 'application/rss+xml',
        title: `${SITE.name}: articoli`,
        href: new URL('/rss.xml', input.site).href,
      },
    },
    { tag: 'link', attrs: { rel: 'sitemap', href: new URL('/sitemap-index.xml', input.site).href } },
    meta({ property: 'og:type', content: input.type ?? 'website' }),
    meta({ property: 'og:locale', content: SITE.ogLocale }),
    meta({ property: 'og:site_name', content: SITE.name }),
    meta({ property: 'og:title', content: title }),
    meta({ property: 'og:description', content: description }),
    meta({ property: 'og:url', content: canonical }),
    meta({ name: 'twitter:card', content: input.image ? 'summary_large_image' : 'summary' }),
    meta({ name: 'twitter:title', content: title }),
    meta({ name: 'twitter:description', content: description }),
  ];

  if (input.image) {
    tags.push(
      meta({ property: 'og:image', content: input.image.url.href }),
      meta({ property: 'og:image:alt', content: input.image.alt }),
      meta({ name: 'twitter:image', content: input.image.url.href }),
    );
  }
  if (input.article) {
    const { published, modified, author, tags: topics } = input.article;
    tags.push(meta({ property: 'article:published_time', content: published.toISOString() }));
    if (modified) tags.push(meta({ property: 'article:modified_time', content: modified.toISOString() }));
    tags.push(meta({ property: 'article:author', content: author }));
    for (const topic of topics) tags.push(meta({ property: 'article:tag', content: topic }));
  }
  if (input.noindex) tags.push(meta({ name: 'robots', content: 'noindex' }));
  if (input.jsonLd) {
    tags.push({ tag: 'script', attrs: { type: 'application/ld+json' }, content: serializeJsonLd(input.jsonLd) });
  }
  return tags;
}
