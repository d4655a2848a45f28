import { describe, it, expect } from 'vitest';
import { isPublished, unpublishedReason } from '../../src/lib/articles/visibility.ts';
import { collectTags, tagPath } from '../../src/lib/articles/tags.ts';
import { articleIdFromPath, testLinkFrom } from '../../src/lib/articles/source-link.ts';

const now = new Date('2026-11-29T10:00:00Z');

describe('visibility', () => {
  it.each([
    [{ draft: false, pubDate: new Date('2026-11-29T09:59:59Z') }, true, null],
    [{ draft: false, pubDate: new Date('2026-11-29T10:00:00Z') }, true, null],
    [{ draft: false, pubDate: new Date('2026-11-29T10:00:01Z') }, false, 'programmato'],
    [{ draft: true, pubDate: new Date('2020-01-01') }, false, 'bozza'],
    [{ draft: true, pubDate: new Date('2999-01-01') }, false, 'bozza'],
  ])('%# published=%s reason=%s', (data, published, reason) => {
    expect(isPublished(data, now)).toBe(published);
    expect(unpublishedReason(data, now)).toBe(reason);
  });
});

describe('tags', () => {
  const a = { id: 'a', data: { tags: ['Vendite', 'networking'] } };
  const b = { id: 'b', data: { tags: ['vendite', 'Città'] } };

  it('groups spellings of one tag under one slug, keeping the first spelling', () => {
    const tags = collectTags([a, b]);
    expect(tags.map((t) => [t.slug, t.name, t.articles.map((x) => x.id)])).toEqual([
      ['citta', 'Città', ['b']],
      ['networking', 'networking', ['a']],
      ['vendite', 'Vendite', ['a', 'b']],
    ]);
  });

  it('links to the tag page by slug', () => {
    expect(tagPath('Città')).toBe('/blog/tag/citta/');
  });
});

describe('links to the test from articles', () => {
  it.each([
    ['/blog/definizione-di-networking/', 'definizione-di-networking'],
    ['/blog/', null],
    ['/blog/2/', null],
    ['/blog/tag/networking/', null],
    ['/privacy/', null],
  ])('%s → %s', (path, id) => {
    expect(articleIdFromPath(path)).toBe(id);
  });

  it('records the article as the source', () => {
    expect(testLinkFrom('/test-gratuito/', '/blog/definizione-di-networking/')).toBe(
      '/test-gratuito/?da=definizione-di-networking',
    );
    expect(testLinkFrom('/test-gratuito/', '/')).toBe('/test-gratuito/');
  });
});
