import { describe, it, expect } from 'vitest';
import { headSchema } from '../../../src/lib/content/head-schema.ts';

describe('the head field of an article', () => {
  it('is empty when absent, and fills empty attributes', () => {
    expect(headSchema.parse(undefined)).toEqual([]);
    expect(headSchema.parse([{ tag: 'title', content: 'Un titolo per Google' }])).toEqual([
      { tag: 'title', attrs: {}, content: 'Un titolo per Google' },
    ]);
  });

  it.each([
    ['a canonical address', { tag: 'link', attrs: { rel: 'canonical', href: 'https://altro.example.it/a/' } }],
    ['an alternate version', { tag: 'link', attrs: { rel: 'alternate', hreflang: 'en', href: '/en/a/' } }],
    ['noindex', { tag: 'meta', attrs: { name: 'robots', content: 'noindex' } }],
    ['a share image', { tag: 'meta', attrs: { property: 'og:image', content: '/immagini/card.png' } }],
  ])('accepts %s', (_name, tag) => {
    expect(headSchema.parse([tag])).toEqual([tag]);
  });

  it.each([
    ['a script', { tag: 'script', content: 'alert(1)' }, '0.tag', /meta, link oppure title/],
    ['a stylesheet', { tag: 'link', attrs: { rel: 'stylesheet', href: 'https://cdn.example.com/a.css' } }, '0.attrs', /rel: canonical oppure alternate/],
    ['a link with no address', { tag: 'link', attrs: { rel: 'canonical' } }, '0.attrs', /href/],
    ['a title with no text', { tag: 'title' }, '0.content', /testo in content/],
    ['a title of spaces', { tag: 'title', content: '   ' }, '0.content', /./],
    ['a meta with no content', { tag: 'meta', attrs: { name: 'robots' } }, '0.attrs', /name \(o property\) e di content/],
    ['a meta with no name', { tag: 'meta', attrs: { content: 'noindex' } }, '0.attrs', /name \(o property\)/],
    ['attributes that are not text', { tag: 'meta', attrs: { name: 'robots', content: true } }, '0.attrs.content', /./],
  ])('refuses %s, naming the field', (_name, tag, path, message) => {
    const result = headSchema.safeParse([tag]);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toMatch(message);
  });
});
