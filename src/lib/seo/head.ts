import { SITE } from '../../site.config.ts';
import { serializeJsonLd } from './json-ld.ts';
import type { HeadOverride } from '../content/head-schema.ts';

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
  /** Absolute URL and alternative text of the page's share image, with its size when known. */
  image?: { url: URL; alt: string; width?: number; height?: number };
  /** Pages that must not appear in search results (404, admin). */
  noindex?: boolean;
  /** Structured data for the page. */
  jsonLd?: Record<string, unknown> | Record<string, unknown>[];
  /** Tags from the page's frontmatter (`head`) that replace or add to these: see `mergeHead`. */
  overrides?: HeadOverride[];
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
    const { url, alt, width, height } = input.image;
    tags.push(meta({ property: 'og:image', content: url.href }));
    if (width && height) {
      tags.push(
        meta({ property: 'og:image:width', content: String(width) }),
        meta({ property: 'og:image:height', content: String(height) }),
      );
    }
    tags.push(meta({ property: 'og:image:alt', content: alt }), meta({ name: 'twitter:image', content: url.href }));
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
  return mergeHead(tags, input.overrides ?? [], input.site);
}

/** What makes two tags the same for a merge: one title, one meta per name or property, one canonical link. */
function identity({ tag, attrs }: Pick<HeadTag, 'tag' | 'attrs'>): string | undefined {
  if (tag === 'title') return tag;
  if (tag === 'meta') return `meta ${attrs.name ?? attrs.property}`;
  // Only links carry a rel.
  if (attrs.rel === 'canonical') return 'canonical';
  return undefined;
}

/** The details of our own share image, wrong for another one. */
const IMAGE_DETAILS = ['og:image:width', 'og:image:height', 'og:image:alt'].map((p) => `meta ${p}`);

/**
 * Starlight's merge of a page's `head` field into the site's tags: an override replaces the tag with the same
 * identity, or is added. Addresses become absolute against `site`, and what must agree follows: a canonical
 * override moves `og:url` too; an `og:image` override moves `twitter:image` (as a large card) and drops our
 * image's size, type and description, unless the overrides give them.
 */
export function mergeHead(tags: HeadTag[], overrides: HeadOverride[], site: URL): HeadTag[] {
  if (overrides.length === 0) return tags;
  const added: HeadTag[] = overrides.map(({ tag, attrs, content }) => {
    const absolute = (value: string) => new URL(value, site).href;
    if (tag === 'link') return { tag, attrs: { ...attrs, href: absolute(attrs.href) } };
    const key = attrs.property ?? attrs.name;
    if (key === 'og:image' || key === 'twitter:image') {
      return { tag, attrs: { ...attrs, content: absolute(attrs.content) } };
    }
    return { tag, attrs, content };
  });
  const given = new Set(added.map(identity));
  const follow = (tag: HeadTag) => given.has(identity(tag)) || added.push(tag);
  const canonical = added.find((t) => identity(t) === 'canonical');
  if (canonical) follow({ tag: 'meta', attrs: { property: 'og:url', content: canonical.attrs.href } });
  const image = added.find((t) => identity(t) === 'meta og:image');
  if (image) {
    follow({ tag: 'meta', attrs: { name: 'twitter:image', content: image.attrs.content } });
    follow({ tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } });
  }
  const replaced = new Set(added.map(identity));
  if (image) for (const detail of IMAGE_DETAILS) replaced.add(detail);
  // A tag without an identity (an alternate link, JSON-LD) is never replaced, only added.
  return [...tags.filter((t) => identity(t) === undefined || !replaced.has(identity(t))), ...added];
}

/** Whether the page asks search engines (and so our own search and sitemap) to leave it out. */
export function isNoindex(tags: HeadTag[]): boolean {
  return tags.some((t) => t.attrs.name === 'robots' && /\bnoindex\b/.test(t.attrs.content));
}
