import { describe, it, expect } from 'vitest';
import { keepMarks, resultsStatus, toHit, MAX_RESULTS } from '../../../src/lib/search/results.ts';

describe('search results', () => {
  it.each([
    ['text', 'text'],
    ['la <mark>relazione</mark> conta', 'la <mark>relazione</mark> conta'],
    ['<img src=x onerror=alert(1)><mark>a</mark>', '<mark>a</mark>'],
    ['<b>grassetto</b> e <marker>', 'grassetto e '],
    ['a <script>alert(1)</script> b', 'a alert(1) b'],
    ['troncato <img src=x onerror=alert(1)', 'troncato '],
    ['&lt;mark&gt; resta testo', '&lt;mark&gt; resta testo'],
  ])('keeps only <mark> from %j', (html, expected) => {
    expect(keepMarks(html)).toBe(expected);
  });

  it.each([
    [
      'title, date and excerpt',
      {
        url: '/blog/a/',
        excerpt: 'le <mark>relazioni</mark>',
        meta: { title: ' Un titolo ', date: '29 novembre 2026' },
      },
      { url: '/blog/a/', title: 'Un titolo', date: '29 novembre 2026', excerpt: 'le <mark>relazioni</mark>' },
    ],
    [
      'no title: the address',
      { url: '/privacy/', excerpt: '', meta: {} },
      { url: '/privacy/', title: '/privacy/', date: undefined, excerpt: '' },
    ],
    [
      'an empty title: the address',
      { url: '/privacy/', excerpt: '', meta: { title: ' ' } },
      { url: '/privacy/', title: '/privacy/', date: undefined, excerpt: '' },
    ],
  ])('shows %s', (_name, data, hit) => {
    expect(toHit(data)).toEqual(hit);
  });

  it.each([
    ['', 3, ''],
    ['   ', null, ''],
    [' relazioni ', null, 'Ricerca di «relazioni» in corso…'],
    ['relazioni', 0, 'Nessun risultato per «relazioni». Prova con un’altra parola, o sfoglia gli argomenti.'],
    ['relazioni', 1, '1 risultato per «relazioni».'],
    ['relazioni', MAX_RESULTS, `${MAX_RESULTS} risultati per «relazioni».`],
    ['relazioni', MAX_RESULTS + 1, `${MAX_RESULTS + 1} risultati per «relazioni»: ecco i primi ${MAX_RESULTS}.`],
  ])('says for %j with %s results: %j', (query, count, status) => {
    expect(resultsStatus(query, count)).toBe(status);
  });
});
