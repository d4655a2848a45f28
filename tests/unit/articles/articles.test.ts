import { scheduledAfter, nextPublication } from '../../../src/lib/articles/schedule.ts';
import { describe, it, expect } from 'vitest';
import { isPublished, unpublishedReason } from '../../../src/lib/articles/visibility.ts';
import { collectTags } from '../../../src/lib/articles/tags.ts';
import { articleIdFromPath, tagPath } from '../../../src/lib/paths.ts';
import { testLinkFrom } from '../../../src/lib/articles/source-link.ts';
import { publishedOnly } from '../../../src/lib/articles/published-loader.ts';

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

  it('skips tags with no letters or digits, and lists an article once under two spellings of a tag', () => {
    const c = { id: 'c', data: { tags: ['??', 'Vendite', 'vendite'] } };
    expect(collectTags([c]).map((t) => [t.slug, t.articles.map((x) => x.id)])).toEqual([['vendite', ['c']]]);
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
    ['/blog/tag/', null],
    ['/blog/12/', null],
    ['/blog/2026-bilancio/', '2026-bilancio'],
    ['/blog/bilancio-2026/', 'bilancio-2026'],
    ['/blog/citt%C3%A0/', 'città'],
    ['/blog/a/b/', null],
    ['/blog/a', null],
    ['/en/blog/a/', null],
    ['/privacy/', null],
  ])('%s → %s', (path, id) => {
    expect(articleIdFromPath(path)).toBe(id);
  });

  it('records the article as the source', () => {
    expect(testLinkFrom('/test-gratuito/', '/blog/definizione-di-networking/')).toBe(
      '/test-gratuito/?da=definizione-di-networking',
    );
    expect(testLinkFrom('/test-gratuito/', '/')).toBe('/test-gratuito/');
    expect(testLinkFrom('/test-gratuito/', '/blog/citt%C3%A0/')).toBe('/test-gratuito/?da=citt%C3%A0');
  });
});

describe('publishedOnly loader', () => {
  function fakeStore(entries: Record<string, { draft: boolean; pubDate: Date }>) {
    const map = new Map(Object.entries(entries).map(([id, data]) => [id, { id, data }]));
    return { entries: () => [...map.entries()], delete: (id: string) => map.delete(id), ids: () => [...map.keys()] };
  }
  const entries = {
    pubblicato: { draft: false, pubDate: new Date('2026-01-01') },
    bozza: { draft: true, pubDate: new Date('2026-01-01') },
    futuro: { draft: false, pubDate: new Date('2999-01-01') },
  };

  it.each([
    [false, ['pubblicato']],
    [true, ['pubblicato', 'bozza', 'futuro']],
  ])('keepAll=%s keeps %j', async (keepAll, kept) => {
    const store = fakeStore(entries);
    const inner = { name: 'glob', load: async () => {} };
    await publishedOnly(inner, keepAll, now).load({ store } as never);
    expect(store.ids()).toEqual(kept);
  });

  it('keeps the wrapped loader’s other fields and names itself after it', () => {
    const inner = { name: 'glob', load: async () => {}, schema: { marker: true } };
    const wrapped = publishedOnly(inner as never, false, now);
    expect(wrapped.name).toBe('published-only(glob)');
    expect(wrapped).toHaveProperty('schema', { marker: true });
  });
});

describe('the schedule', () => {
  const a = (id: string, pubDate: string, draft = false) => ({ id, title: id, pubDate: new Date(pubDate), draft });
  const articles = [
    a('dopo', '2026-12-05T09:00:00Z'),
    a('prima', '2026-12-01T09:00:00Z'),
    a('bozza', '2026-11-30T12:00:00Z', true),
    a('gia-online', '2026-11-01T09:00:00Z'),
    a('stesso-momento-b', '2026-12-01T09:00:00Z'),
  ];

  it('lists the articles waiting for their date, soonest first, drafts left out', () => {
    expect(scheduledAfter(articles, new Date('2026-11-30T10:00:00Z')).map((x) => x.id)).toEqual([
      'prima',
      'stesso-momento-b',
      'dopo',
    ]);
    expect(scheduledAfter(articles, new Date('2026-12-01T09:00:00Z')).map((x) => x.id)).toEqual(['dopo']);
  });

  it('says when the next build is due after the one online, also when that time has passed', () => {
    expect(nextPublication(articles, new Date('2026-11-15T00:00:00Z'))).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(nextPublication(articles, new Date('2026-12-01T09:00:00Z'))).toEqual(new Date('2026-12-05T09:00:00Z'));
    expect(nextPublication(articles, new Date('2026-12-05T09:00:00Z'))).toBeNull();
  });
});
