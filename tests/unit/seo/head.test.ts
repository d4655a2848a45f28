import { describe, it, expect } from 'vitest';
import { getHead, isNoindex, mergeHead, type HeadInput, type HeadTag } from '../../../src/lib/seo/head.ts';

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

describe('the share image', () => {
  it('gives its size when known', () => {
    const tags = getHead({
      ...article,
      image: { url: new URL('/og/a.png', site), alt: 'Il titolo', width: 1200, height: 630 },
    });
    expect(tags.filter((t) => /image/.test(t.attrs.property ?? t.attrs.name ?? ''))).toEqual([
      meta({ property: 'og:image', content: 'https://www.segnalazionevincente.com/og/a.png' }),
      meta({ property: 'og:image:width', content: '1200' }),
      meta({ property: 'og:image:height', content: '630' }),
      meta({ property: 'og:image:alt', content: 'Il titolo' }),
      meta({ name: 'twitter:image', content: 'https://www.segnalazionevincente.com/og/a.png' }),
    ]);
  });
});

describe('the share image, size unknown', () => {
  it('leaves the size out when only one side is known', () => {
    const tags = getHead({ ...article, image: { url: new URL('/og/a.png', site), alt: 'Il titolo', width: 1200 } });
    expect(tags.some((t) => /og:image:(width|height)/.test(t.attrs.property ?? ''))).toBe(false);
  });
});

describe('overrides from the frontmatter (Starlight’s head merge)', () => {
  const base = getHead({
    ...article,
    image: { url: new URL('/og/a.png', site), alt: 'Il titolo', width: 1200, height: 630 },
  });
  const find = (tags: HeadTag[], key: string) =>
    tags.filter((t) => (t.tag === 'title' ? 'title' : (t.attrs.property ?? t.attrs.name ?? t.attrs.rel)) === key);

  it('makes a page without an image a large card once an image is given', () => {
    const merged = mergeHead(
      getHead(article),
      [{ tag: 'meta', attrs: { property: 'og:image', content: '/immagini/card.jpg' } }],
      site,
    );
    expect(find(merged, 'twitter:card')).toEqual([meta({ name: 'twitter:card', content: 'summary_large_image' })]);
  });

  it('takes only og:image and twitter:image as addresses', () => {
    const merged = mergeHead(base, [{ tag: 'meta', attrs: { property: 'x:og:image', content: '/a.png' } }], site);
    expect(find(merged, 'x:og:image')).toEqual([{ tag: 'meta', attrs: { property: 'x:og:image', content: '/a.png' } }]);
  });

  it('changes nothing without overrides', () => {
    expect(mergeHead(base, [], site)).toBe(base);
  });

  it.each<[string, Parameters<typeof mergeHead>[1], Record<string, HeadTag[]>]>([
    [
      'a title replaces the title only',
      [{ tag: 'title', attrs: {}, content: 'Altro titolo' }],
      {
        title: [{ tag: 'title', attrs: {}, content: 'Altro titolo' }],
        'og:title': [meta({ property: 'og:title', content: articleTitle })],
      },
    ],
    [
      'noindex is added once',
      [{ tag: 'meta', attrs: { name: 'robots', content: 'noindex, follow' } }],
      { robots: [meta({ name: 'robots', content: 'noindex, follow' })] },
    ],
    [
      'a canonical elsewhere moves og:url with it',
      [{ tag: 'link', attrs: { rel: 'canonical', href: 'https://altro.example.it/a/' } }],
      {
        canonical: [{ tag: 'link', attrs: { rel: 'canonical', href: 'https://altro.example.it/a/' } }],
        'og:url': [meta({ property: 'og:url', content: 'https://altro.example.it/a/' })],
      },
    ],
    [
      'a relative canonical becomes absolute; an og:url given stays',
      [
        { tag: 'link', attrs: { rel: 'canonical', href: '/blog/originale/' } },
        { tag: 'meta', attrs: { property: 'og:url', content: 'https://x.example/' } },
      ],
      {
        canonical: [
          { tag: 'link', attrs: { rel: 'canonical', href: 'https://www.segnalazionevincente.com/blog/originale/' } },
        ],
        'og:url': [meta({ property: 'og:url', content: 'https://x.example/' })],
      },
    ],
    [
      'an image replaces ours everywhere and drops our image’s details',
      [{ tag: 'meta', attrs: { property: 'og:image', content: '/immagini/card.jpg' } }],
      {
        'og:image': [meta({ property: 'og:image', content: 'https://www.segnalazionevincente.com/immagini/card.jpg' })],
        'twitter:image': [
          meta({ name: 'twitter:image', content: 'https://www.segnalazionevincente.com/immagini/card.jpg' }),
        ],
        'twitter:card': [meta({ name: 'twitter:card', content: 'summary_large_image' })],
        'og:image:width': [],
        'og:image:height': [],
        'og:image:alt': [],
      },
    ],
    [
      'an image with its own description keeps it',
      [
        { tag: 'meta', attrs: { property: 'og:image', content: 'https://cdn.example.it/c.png' } },
        { tag: 'meta', attrs: { property: 'og:image:alt', content: 'Una stretta di mano' } },
        { tag: 'meta', attrs: { name: 'twitter:image', content: '/t.png' } },
      ],
      {
        'og:image': [meta({ property: 'og:image', content: 'https://cdn.example.it/c.png' })],
        'og:image:alt': [meta({ property: 'og:image:alt', content: 'Una stretta di mano' })],
        'og:image:width': [],
        'og:image:height': [],
        'twitter:image': [meta({ name: 'twitter:image', content: 'https://www.segnalazionevincente.com/t.png' })],
      },
    ],
    [
      'an alternate link is added beside the canonical one',
      [{ tag: 'link', attrs: { rel: 'alternate', hreflang: 'en', href: '/en/a/' } }],
      { canonical: [{ tag: 'link', attrs: { rel: 'canonical', href: articleUrl } }] },
    ],
  ])('%s', (_name, overrides, expected) => {
    const merged = mergeHead(base, overrides, site);
    for (const [key, tags] of Object.entries(expected)) expect(find(merged, key), key).toEqual(tags);
    // What no override touches stays as it was.
    for (const key of [
      'description',
      'og:description',
      'og:url',
      'og:image',
      'og:image:width',
      'og:image:height',
      'twitter:image',
      'twitter:card',
      'article:author',
      'sitemap',
      'alternate',
    ].filter((k) => !(k in expected))) {
      expect(find(merged, key).slice(0, 1), key).toEqual(find(base, key));
    }
  });

  it.each([
    [[], false],
    [[meta({ name: 'robots', content: 'noindex' })], true],
    [[meta({ name: 'robots', content: 'index, follow' })], false],
    [[meta({ name: 'description', content: 'noindex' })], false],
    [[{ tag: 'title', attrs: {}, content: 'noindex' } as HeadTag], false],
  ])('tells a noindex page: %j → %s', (tags, expected) => {
    expect(isNoindex(tags)).toBe(expected);
  });
});
