import { SITE } from '../../site.config.ts';
import type { Company } from '../content/company-schema.ts';

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

/**
 * What schema.org says of the company, from `content/azienda/`: only the fields that are
 * filled in (a missing one is left out, never a placeholder).
 */
export function companyLd(company: Company): JsonLd {
  const { sede } = company;
  const contact = company.email ?? company.telefono;
  return {
    legalName: company.ragioneSociale,
    vatID: company.partitaIva && `IT${company.partitaIva}`,
    email: company.email,
    telephone: company.telefono,
    address: sede && {
      '@type': 'PostalAddress',
      streetAddress: sede.indirizzo,
      postalCode: sede.cap,
      addressLocality: sede.citta,
      addressRegion: sede.provincia,
      addressCountry: 'IT',
    },
    contactPoint: contact && {
      '@type': 'ContactPoint',
      contactType: 'customer service',
      email: company.email,
      telephone: company.telefono,
      availableLanguage: 'it',
    },
    sameAs: company.social.length ? company.social.map((s) => s.url) : undefined,
  };
}

/** schema.org `Organization` and `WebSite` for the home page; the company's details when given. */
export function homeLd(site: URL, company?: Company): JsonLd[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: company?.nome ?? SITE.name,
      url: site.href,
      description: SITE.description,
      ...(company && companyLd(company)),
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
