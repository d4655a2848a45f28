import { describe, it, expect } from 'vitest';
import { articlePageKey, listPageKey, type ArticlePageInput } from '../../../src/lib/articles/page-key.ts';

const entry = (id: string, title = `Titolo ${id}`, body = `Testo di ${id}`) => ({
  id,
  data: { title, pubDate: new Date(Date.UTC(2026, 0, 10)), tags: ['networking'] },
  body,
});

const base: ArticlePageInput = {
  article: entry('questo'),
  newer: entry('nuovo'),
  older: entry('vecchio'),
  related: [entry('a'), entry('b')],
  context: { privacy: '2026-01', year: 2026 },
};
const key = articlePageKey(base);

describe('articlePageKey', () => {
  it('is the same for the same page, and a short string', () => {
    expect(articlePageKey(structuredClone(base))).toBe(key);
    expect(key).toMatch(/^[\w-]{43}$/);
  });

  it.each<[string, Partial<ArticlePageInput>]>([
    ['the article’s text', { article: entry('questo', 'Titolo questo', 'Testo cambiato') }],
    ['the article’s title', { article: entry('questo', 'Altro titolo') }],
    ['another article at the same place', { article: entry('altro') }],
    ['a newer article’s title', { newer: entry('nuovo', 'Cambiato') }],
    ['no newer article', { newer: undefined }],
    ['an older article', { older: entry('altro') }],
    ['no older article', { older: undefined }],
    ['a related article’s title', { related: [entry('a', 'Cambiato'), entry('b')] }],
    ['the related articles’ order', { related: [entry('b'), entry('a')] }],
    ['one related article less', { related: [entry('a')] }],
    ['the privacy notice’s version', { context: { privacy: '2026-02', year: 2026 } }],
    ['the year', { context: { privacy: '2026-01', year: 2027 } }],
  ])('changes with %s', (_, change) => {
    expect(articlePageKey({ ...base, ...change })).not.toBe(key);
  });

  it('ignores the text of the articles it only links to', () => {
    const edited = {
      ...base,
      newer: entry('nuovo', 'Titolo nuovo', 'Altro testo'),
      older: entry('vecchio', 'Titolo vecchio', 'Altro testo'),
      related: [entry('a', 'Titolo a', 'Altro testo'), entry('b')],
    };
    expect(articlePageKey(edited)).toBe(key);
  });
});

describe('listPageKey', () => {
  const page = { data: [entry('a'), entry('b')], currentPage: 2, lastPage: 3, total: 25 };
  const context = { name: 'networking', year: 2026 };
  const key = listPageKey(page, context);

  it('is the same for the same page', () => {
    expect(listPageKey(structuredClone(page), { ...context })).toBe(key);
    expect(key).toMatch(/^[\w-]{43}$/);
  });

  it('ignores the text of the articles it lists', () => {
    expect(listPageKey({ ...page, data: [entry('a', 'Titolo a', 'Altro testo'), entry('b')] }, context)).toBe(key);
  });

  it.each<[string, Partial<typeof page>, typeof context?]>([
    ['an article’s title', { data: [entry('a', 'Cambiato'), entry('b')] }],
    ['another article', { data: [entry('a'), entry('c')] }],
    ['the page’s number', { currentPage: 1 }],
    ['the number of pages', { lastPage: 4 }],
    ['the number of articles', { total: 26 }],
    ['the tag’s name', {}, { name: 'vendite', year: 2026 }],
    ['the year', {}, { name: 'networking', year: 2027 }],
  ])('changes with %s', (_, change, other = context) => {
    expect(listPageKey({ ...page, ...change }, other)).not.toBe(key);
  });
});
