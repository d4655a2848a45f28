import { describe, it, expect } from 'vitest';
import { foldForSearch, searchText, searchWords } from '../../../src/lib/leads/lead-search.ts';

describe('searching leads', () => {
  it('finds a lead by any of its contact fields, without case or accents', () => {
    expect(
      searchText({
        nome: 'Nicolò',
        cognome: 'DELL’ACQUA',
        email: 'nicolo@acqua.it',
        azienda: 'Acqua & Figli S.r.l.',
        telefono: '+393331234567',
        piva: '12345678903',
      }),
    ).toBe('nicolo dell’acqua nicolo@acqua.it acqua & figli s.r.l. +393331234567 12345678903');
    expect(searchText({ nome: 'A', cognome: 'B', email: 'a@b.it', azienda: 'C' })).toBe('a b a@b.it c  ');
    expect(foldForSearch('ÀÉÎÕÜ ç')).toBe('aeiou c');
  });

  it.each([
    ['  Nicolò   Rossi ', ['nicolo', 'rossi']],
    ['333 123 4567', ['333', '123', '4567']],
    ['333-123-4567', ['3331234567']],
    ['(02) 1234.5678', ['02', '12345678']],
    ['+39', ['39']],
    ['s.r.l.', ['s.r.l.']],
    ['a-b', ['a-b']],
    ['---', ['---']],
    ['a-1', ['a-1']],
    ['1-a', ['1-a']],
    ['  ', []],
    ['uno due tre quattro cinque sei', ['uno', 'due', 'tre', 'quattro', 'cinque']],
    ['', []],
  ])('%j → %j', (query, words) => {
    expect(searchWords(query)).toEqual(words);
  });
});
