import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blogPostingLd, homeLd, serializeJsonLd } from '../../../src/lib/seo/json-ld.ts';

const site = new URL('https://www.segnalazionevincente.com/');
const url = new URL('/blog/definizione-di-networking/', site);
const published = new Date('2026-11-29T00:00:00Z');

describe('structured data, field by field', () => {
  it.each([
    [
      'an article never updated, without tags or image',
      { url, title: 'T', description: 'D', published, author: 'Mario Rossi', tags: [] },
      { dateModified: '2026-11-29T00:00:00.000Z', keywords: undefined, image: undefined },
    ],
    [
      'an updated article with tags and an image',
      {
        url,
        title: 'T',
        description: 'D',
        published,
        modified: new Date('2026-12-01T08:30:00Z'),
        author: 'Mario Rossi',
        tags: ['networking', 'vendite'],
        image: new URL('/copertina.jpg', site),
      },
      {
        dateModified: '2026-12-01T08:30:00.000Z',
        keywords: 'networking, vendite',
        image: 'https://www.segnalazionevincente.com/copertina.jpg',
      },
    ],
  ])('a BlogPosting for %s', (_name, input, varying) => {
    expect(blogPostingLd(input, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'T',
      description: 'D',
      url: 'https://www.segnalazionevincente.com/blog/definizione-di-networking/',
      mainEntityOfPage: 'https://www.segnalazionevincente.com/blog/definizione-di-networking/',
      datePublished: '2026-11-29T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Mario Rossi' },
      publisher: {
        '@type': 'Organization',
        name: 'Segnalazione Vincente',
        url: 'https://www.segnalazionevincente.com/',
      },
      inLanguage: 'it-IT',
      ...varying,
    });
  });

  it('the Organization and the WebSite for the home page', () => {
    expect(homeLd(site)).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Segnalazione Vincente',
        url: 'https://www.segnalazionevincente.com/',
        description:
          'Segnalazione Vincente costruisce reti di segnalazione per le aziende con il metodo della Public Relation Referenziale.',
      },
      {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: 'Segnalazione Vincente',
        url: 'https://www.segnalazionevincente.com/',
        inLanguage: 'it-IT',
      },
    ]);
  });

  it('serialises any data to JSON that reads back the same and holds no "<"', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (data) => {
        const text = serializeJsonLd(data);
        return !text.includes('<') && JSON.stringify(JSON.parse(text)) === JSON.stringify(data);
      }),
    );
  });
});
