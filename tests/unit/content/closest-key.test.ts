import { describe, it, expect } from 'vitest';
import { closestKey, editDistance } from '../../../src/lib/content/closest-key.ts';
import { strictObject, unknownKeysMessage } from '../../../src/lib/content/strict.ts';
import { z } from '../../../src/lib/zod.ts';

const known = ['title', 'description', 'pubDate', 'tags', 'draft', 'comments', 'cover', 'coverAlt'];

describe('the key an author meant', () => {
  it.each([
    ['Draft', 'draft'],
    ['TITLE', 'title'],
    ['tag', 'tags'],
    ['descripton', 'description'],
    ['pubdate', 'pubDate'],
    ['coveralt', 'coverAlt'],
    ['bozza', 'draft'],
    ['titolo', 'title'],
    ['commenti', 'comments'],
    ['domande', undefined], // an Italian word for a key this object does not have
    ['zzz', undefined],
    ['ab', undefined],
    ['constructor', undefined],
  ])('%s → %s', (key, meant) => {
    expect(closestKey(key, known)).toBe(meant);
  });

  it.each([
    // Up to 2 characters: no typo is guessed (a two-letter key is as likely another word).
    ['tg', ['tags'], undefined],
    // 3 to 5 characters: one edit.
    ['tgs', ['tags'], 'tags'],
    ['tgx', ['tags'], undefined],
    ['drft', ['draft'], 'draft'],
    ['drfat', ['draft'], undefined],
    // 6 characters and more: two edits, never three, however long the key.
    ['drafxy', ['draft'], 'draft'],
    ['titlexy', ['title'], 'title'],
    ['descriptionxyz', ['description'], undefined],
  ])('%s, a typo of %j → %s (a third of its length, at most two edits)', (key, candidates, meant) => {
    expect(closestKey(key, candidates)).toBe(meant);
  });

  it.each([
    ['titolo', 'title'],
    ['descrizione', 'description'],
    ['data', 'pubDate'],
    ['autore', 'author'],
    ['argomenti', 'tags'],
    ['copertina', 'cover'],
    ['bozza', 'draft'],
    ['commenti', 'comments'],
    ['domande', 'questions'],
    ['risposte', 'options'],
    ['opzioni', 'options'],
    ['punti', 'points'],
    ['peso', 'weight'],
    ['esiti', 'bands'],
    ['versione', 'version'],
  ])('the Italian %s is read as %s, before any key one typo away', (italian, key) => {
    expect(closestKey(italian, [`${italian}x`, key])).toBe(key);
    expect(closestKey(italian.toUpperCase(), [key])).toBe(key);
  });

  it('a key that is itself known in another case wins over its Italian meaning', () => {
    expect(closestKey('Data', ['pubDate', 'data'])).toBe('data');
  });

  it('prefers the closest of two candidates', () => {
    expect(closestKey('cover1', ['coverxx', 'cover'])).toBe('cover');
    expect(closestKey('cover1', ['cover', 'coverxx'])).toBe('cover');
    expect(closestKey('abcdef', ['abcdxy', 'abcdex'])).toBe('abcdex');
  });

  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['', 'ab', 2],
    ['kitten', 'sitting', 3],
    ['tags', 'tag', 1],
  ])('edit distance of %s and %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('strict objects', () => {
  const schema = strictObject({ title: z.string(), draft: z.boolean().optional() });

  it('refuses unknown keys naming the one meant', () => {
    const result = schema.safeParse({ title: 'x', Draft: true, zzz: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      '`Draft` non esiste: forse `draft`? `zzz` non esiste (i campi ammessi sono `title`, `draft`).',
    );
  });

  it('keeps zod’s own messages for other issues', () => {
    const result = schema.safeParse('x');
    expect(result.error?.issues[0].code).toBe('invalid_type');
    expect(result.error?.issues[0].message).toMatch(/oggetto|object/);
  });

  it('writes one sentence per key', () => {
    expect(unknownKeysMessage(['Tags'], ['tags'])).toBe('`Tags` non esiste: forse `tags`?');
  });
});
