import { describe, it, expect } from 'vitest';
import { getHead, pageTitle, type HeadTag } from '../../../src/lib/seo/head.ts';
import { blogPostingLd, homeLd, serializeJsonLd } from '../../../src/lib/seo/json-ld.ts';

const site = new URL('https://www.segnalazionevincente.com');
const path = '/blog/definizione-di-networking/';
const url = new URL(path, site);
const published = new Date('2026-11-29T00:00:00Z');

function find(tags: HeadTag[], key: string, value: string) {
  return tags.find((t) => t.attrs[key] === value);
}

describe('head of an article', () => {
  const tags = getHead({
    site,
    path,
    title: 'Definizione di Networking: cosa significa esattamente?',
    description: 'Una nuova definizione.',
    type: 'article',
    article: { published, author: 'Segnalazione Vincente', tags: ['networking', 'relazioni'] },
    jsonLd: blogPostingLd(
      { url, title: 'Definizione </script><b>', description: 'd', published, author: 'A', tags: [] },
      site,
    ),
  });

  it('has the title template, description and canonical URL', () => {
    expect(tags[0]).toEqual({
      tag: 'title',
      attrs: {},
      content: 'Definizione di Networking: cosa significa esattamente? | Segnalazione Vincente',
    });
    expect(find(tags, 'name', 'description')?.attrs.content).toBe('Una nuova definizione.');
    expect(find(tags, 'rel', 'canonical')?.attrs.href).toBe(url.href);
  });

  it('has Open Graph and Twitter tags in Italian', () => {
    expect(find(tags, 'property', 'og:locale')?.attrs.content).toBe('it_IT');
    expect(find(tags, 'property', 'og:type')?.attrs.content).toBe('article');
    expect(find(tags, 'property', 'og:url')?.attrs.content).toBe(url.href);
    expect(find(tags, 'name', 'twitter:card')?.attrs.content).toBe('summary');
    expect(tags.filter((t) => t.attrs.property === 'article:tag').map((t) => t.attrs.content)).toEqual([
      'networking',
      'relazioni',
    ]);
    expect(find(tags, 'property', 'article:published_time')?.attrs.content).toBe('2026-11-29T00:00:00.000Z');
  });

  it('links the RSS feed', () => {
    expect(find(tags, 'type', 'application/rss+xml')?.attrs.href).toBe('https://www.segnalazionevincente.com/rss.xml');
  });

  it('embeds JSON-LD that cannot close its script element', () => {
    const script = tags.find((t) => t.tag === 'script');
    expect(script?.content).not.toContain('<');
    const data = JSON.parse(script!.content!);
    expect(data).toMatchObject({ '@type': 'BlogPosting', headline: 'Definizione </script><b>', inLanguage: 'it-IT' });
  });

  it('is indexable unless told otherwise', () => {
    expect(find(tags, 'name', 'robots')).toBeUndefined();
    expect(find(getHead({ site, path: '/404/', noindex: true }), 'name', 'robots')?.attrs.content).toBe('noindex');
  });
});

describe('structured data', () => {
  it('describes an article with dates, author and language', () => {
    const ld = blogPostingLd(
      { url, title: 'T', description: 'D', published, author: 'Mario Rossi', tags: ['a', 'b'] },
      site,
    );
    expect(ld).toMatchObject({
      datePublished: '2026-11-29T00:00:00.000Z',
      dateModified: '2026-11-29T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Mario Rossi' },
      keywords: 'a, b',
      mainEntityOfPage: url.href,
    });
  });

  it('describes the organisation and the website on the home page', () => {
    expect(homeLd(site).map((d) => d['@type'])).toEqual(['Organization', 'WebSite']);
  });

  it('escapes < everywhere', () => {
    expect(serializeJsonLd({ a: '<!--<script>' })).toBe('{"a":"\\u003c!--\\u003cscript>"}');
  });

  it('titles the home page with the brand alone', () => {
    expect(pageTitle()).toBe('Segnalazione Vincente: reti di segnalazione per le aziende');
  });
});
