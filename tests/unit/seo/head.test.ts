import { describe, it, expect } from 'vitest';
import { getHead, type HeadInput, type HeadTag } from '../../../src/lib/seo/head.ts';

const site = new URL('https://www.segnalazionevincente.com');
const DESCRIPTION =
  'Segnalazione Vincente costruisce reti di segnalazione per le aziende con il metodo della Public Relation Referenziale.';

const meta = (attrs: Record<string, string>): HeadTag => ({ tag: 'meta', attrs });

/** The tags every page has, for a title, description and canonical URL; `card` is the Twitter card. */
function common(title: string, description: string, canonical: string, type = 'website', card = 'summary'): HeadTag[] {
  return [
    { tag: 'title', attrs: {}, content: title },
    meta({ name: 'description', content: description }),
    { tag: 'link', attrs: { rel: 'canonical', href: canonical } },
    {
      tag: 'link',
      attrs: {
        rel: 'alternate',
        type: 'application/rss+xml',
        title: 'Segnalazione Vincente: articoli',
        href: 'https://www.segnalazionevincente.com/rss.xml',
      },
    },
    { tag: 'link', attrs: { rel: 'sitemap', href: 'https://www.segnalazionevincente.com/sitemap-index.xml' } },
    meta({ property: 'og:type', content: type }),
    meta({ property: 'og:locale', content: 'it_IT' }),
    meta({ property: 'og:site_name', content: 'Segnalazione Vincente' }),
    meta({ property: 'og:title', content: title }),
    meta({ property: 'og:description', content: description }),
    meta({ property: 'og:url', content: canonical }),
    meta({ name: 'twitter:card', content: card }),
    meta({ name: 'twitter:title', content: title }),
    meta({ name: 'twitter:description', content: description }),
  ];
}

const articleTitle = 'Definizione di Networking | Segnalazione Vincente';
const articleUrl = 'https://www.segnalazionevincente.com/blog/definizione-di-networking/';
const article: HeadInput = {
  site,
  path: '/blog/definizione-di-networking/',
  title: 'Definizione di Networking',
  description: 'Una nuova definizione.',
  type: 'article',
  article: {
    published: new Date('2026-11-29T00:00:00Z'),
    author: 'Mario Rossi',
    tags: ['networking', 'vendite'],
  },
};

describe('getHead, tag by tag', () => {
  it.each<[string, HeadInput, HeadTag[]]>([
    [
      'the home page: the brand, the site description',
      { site, path: '/' },
      common(
        'Segnalazione Vincente: reti di segnalazione per le aziende',
        DESCRIPTION,
        'https://www.segnalazionevincente.com/',
      ),
    ],
    [
      'a page that must not be indexed',
      { site, path: '/404/', title: 'Pagina non trovata', noindex: true },
      [
        ...common(
          'Pagina non trovata | Segnalazione Vincente',
          DESCRIPTION,
          'https://www.segnalazionevincente.com/404/',
        ),
        meta({ name: 'robots', content: 'noindex' }),
      ],
    ],
    [
      'an article: published time, author and one tag per topic',
      article,
      [
        ...common(articleTitle, 'Una nuova definizione.', articleUrl, 'article'),
        meta({ property: 'article:published_time', content: '2026-11-29T00:00:00.000Z' }),
        meta({ property: 'article:author', content: 'Mario Rossi' }),
        meta({ property: 'article:tag', content: 'networking' }),
        meta({ property: 'article:tag', content: 'vendite' }),
      ],
    ],
    [
      'an updated article with a cover image and structured data',
      {
        ...article,
        article: { ...article.article!, modified: new Date('2026-12-01T08:30:00Z'), tags: [] },
        image: { url: new URL('/copertina.jpg', site), alt: 'Una stretta di mano' },
        jsonLd: { '@type': 'BlogPosting', headline: '</script>' },
      },
      [
        ...common(articleTitle, 'Una nuova definizione.', articleUrl, 'article', 'summary_large_image'),
        meta({ property: 'og:image', content: 'https://www.segnalazionevincente.com/copertina.jpg' }),
        meta({ property: 'og:image:alt', content: 'Una stretta di mano' }),
        meta({ name: 'twitter:image', content: 'https://www.segnalazionevincente.com/copertina.jpg' }),
        meta({ property: 'article:published_time', content: '2026-11-29T00:00:00.000Z' }),
        meta({ property: 'article:modified_time', content: '2026-12-01T08:30:00.000Z' }),
        meta({ property: 'article:author', content: 'Mario Rossi' }),
        {
          tag: 'script',
          attrs: { type: 'application/ld+json' },
          content: '{"@type":"BlogPosting","headline":"\\u003c/script>"}',
        },
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(getHead(input)).toEqual(expected);
  });

  it.each([
    ['/blog/', 'https://www.segnalazionevincente.com/blog/'],
    ['blog/', 'https://www.segnalazionevincente.com/blog/'],
    ['/blog/?pagina=2', 'https://www.segnalazionevincente.com/blog/?pagina=2'],
  ])('makes %s canonical as %s', (path, canonical) => {
    const tags = getHead({ site, path });
    expect(tags.find((t) => t.attrs.rel === 'canonical')?.attrs.href).toBe(canonical);
    expect(tags.find((t) => t.attrs.property === 'og:url')?.attrs.content).toBe(canonical);
  });

  it('takes the RSS feed and the sitemap from the site’s origin, not from the page', () => {
    const tags = getHead({ site: new URL('https://anteprima.example.it'), path: '/blog/a/' });
    expect(tags.filter((t) => t.tag === 'link').map((t) => t.attrs.href)).toEqual([
      'https://anteprima.example.it/blog/a/',
      'https://anteprima.example.it/rss.xml',
      'https://anteprima.example.it/sitemap-index.xml',
    ]);
  });
});
