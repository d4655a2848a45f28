import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';

const entries = [
  { id: 'vecchio', data: { draft: false, pubDate: new Date('2026-01-10T00:00:00Z') } },
  { id: 'bozza', data: { draft: true, pubDate: new Date('2026-03-01T00:00:00Z') } },
  { id: 'recente', data: { draft: false, pubDate: new Date('2026-11-01T00:00:00Z') } },
  { id: 'futuro', data: { draft: false, pubDate: new Date('2999-01-01T00:00:00Z') } },
  { id: 'medio', data: { draft: false, pubDate: new Date('2026-06-15T00:00:00Z') } },
];

// The collection at the edge: getCollection filters the entries as Astro's does.
const getCollection = vi.fn(async (name: string, filter: (entry: (typeof entries)[number]) => unknown) =>
  name === 'articles' ? entries.filter((e) => filter(e)) : [],
);
vi.mock('astro:content', () => ({ getCollection }));

const { getArticles } = await import('../../../src/lib/articles/get-articles.ts');

describe('getArticles', () => {
  beforeEach(() => getCollection.mockClear());
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    [false, ['recente', 'medio', 'vecchio']],
    [true, ['futuro', 'recente', 'medio', 'bozza', 'vecchio']],
  ])('with DEV=%s gives %j, newest first', async (dev, ids) => {
    vi.stubEnv('DEV', dev);
    expect((await getArticles()).map((a) => a.id)).toEqual(ids);
    expect(getCollection).toHaveBeenCalledWith('articles', expect.any(Function));
  });
});
