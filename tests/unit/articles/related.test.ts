import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { relatedArticles } from '../../../src/lib/articles/related.ts';

const article = (id: string, tags: string[], day: number) => ({
  id,
  data: { tags, pubDate: new Date(Date.UTC(2026, 0, day)) },
});

const ids = (list: { id: string }[] | undefined) => list?.map((a) => a.id);

describe('relatedArticles', () => {
  const networking = article('networking', ['Networking', 'vendite'], 10);
  it.each([
    [
      'more shared tags first, then the newest',
      [
        networking,
        article('solo-vendite-nuovo', ['vendite'], 20),
        article('entrambi-vecchio', ['networking', 'Vendite'], 1),
        article('solo-networking', ['networking'], 5),
        article('estraneo', ['fiducia'], 30),
      ],
      ['entrambi-vecchio', 'solo-vendite-nuovo', 'solo-networking'],
    ],
    [
      'at most three, the oldest of equals left out',
      [
        networking,
        article('a', ['vendite'], 1),
        article('b', ['vendite'], 2),
        article('c', ['vendite'], 3),
        article('d', ['vendite'], 4),
      ],
      ['d', 'c', 'b'],
    ],
    [
      'same tags and date: by id, so every build agrees',
      [networking, article('z', ['vendite'], 3), article('m', ['vendite'], 3), article('b', ['vendite'], 3)],
      ['b', 'm', 'z'],
    ],
    [
      'the newest of a large group, whatever order the articles come in',
      [networking, ...[1, 2, 3, 4, 5, 6].map((day) => article(`v${day}`, ['vendite'], day))],
      ['v6', 'v5', 'v4'],
    ],
    [
      'tag sets that would run together are not mixed up',
      [article('networking', ['a'], 1), article('x', ['ab', 'c'], 2), article('y', ['a', 'bc'], 3)],
      ['y'],
    ],
    ['no shared tag: nothing', [networking, article('estraneo', ['fiducia'], 30)], []],
    ['no tags: nothing', [article('networking', [], 1), article('altro', [], 2)], []],
    [
      'a tag written twice, or with no letters, counts as nothing more',
      [article('networking', ['vendite', 'Vendite', '!!'], 1), article('a', ['vendite'], 2), article('b', ['!!'], 3)],
      ['a'],
    ],
  ])('%s', (_name, articles, expected) => {
    expect(ids(relatedArticles(articles).get('networking'))).toEqual(expected);
  });

  it('takes another count', () => {
    const articles = [networking, article('a', ['vendite'], 1), article('b', ['vendite'], 2)];
    expect(ids(relatedArticles(articles, 1).get('networking'))).toEqual(['b']);
  });

  it('always returns articles that share a tag, never the article itself, newest first among equals', () => {
    const tags = ['networking', 'vendite', 'fiducia', 'metodo'];
    const arb = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z]{1,6}$/),
        tags: fc.subarray(tags),
        day: fc.integer({ min: 1, max: 60 }),
      }),
      { selector: (a) => a.id, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (records) => {
        const articles = records.map((r) => article(r.id, r.tags, r.day));
        const related = relatedArticles(articles);
        for (const a of articles) {
          const list = related.get(a.id)!;
          expect(list.length).toBeLessThanOrEqual(3);
          expect(list).not.toContain(a);
          const shared = (b: typeof a) => b.data.tags.filter((t) => a.data.tags.includes(t)).length;
          for (const b of list) expect(shared(b)).toBeGreaterThan(0);
          for (let i = 1; i < list.length; i++) {
            const [p, q] = [list[i - 1], list[i]];
            expect(shared(p) > shared(q) || (shared(p) === shared(q) && p.data.pubDate >= q.data.pubDate)).toBe(true);
          }
          const outside = articles.filter((b) => b !== a && !list.includes(b) && shared(b) > 0);
          // Anything left out ranks no better than the last one shown.
          if (list.length === 3) for (const b of outside) expect(shared(b)).toBeLessThanOrEqual(shared(list[2]));
          else expect(outside).toEqual([]);
        }
      }),
    );
  });

  it('stays fast at 5,000 articles', () => {
    const tags = ['networking', 'vendite', 'relazioni', 'fiducia', 'metodo', 'clienti', 'territorio', 'marketing'];
    const articles = Array.from({ length: 5000 }, (_, i) => article(`a${i}`, [tags[i % 8], tags[(i * 3 + 1) % 8]], i));
    const started = performance.now();
    relatedArticles(articles);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
