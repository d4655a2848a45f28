import { describe, it, expect } from 'vitest';
import {
  addDays,
  formatDate,
  formatDateTime,
  formatDay,
  isoDay,
  romeHour,
  romeMidnight,
} from '../../../src/lib/format/date.ts';
import { countWords, readingMinutes, formatReadingTime } from '../../../src/lib/format/reading-time.ts';
import { slugify } from '../../../src/lib/format/slug.ts';

describe('formatDate', () => {
  it.each([
    ['2026-11-29T00:00:00Z', '29 novembre 2026'],
    ['2026-01-01T12:00:00Z', '1 gennaio 2026'],
    // 23:30 UTC on 31 March is already 1 April in Rome (summer time, UTC+2).
    ['2026-03-31T23:30:00Z', '1 aprile 2026'],
    // 23:30 UTC on 31 December is New Year's Day in Rome (UTC+1).
    ['2026-12-31T23:30:00Z', '1 gennaio 2027'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(new Date(iso))).toBe(expected);
  });

  it('gives the Rome calendar day for datetime attributes', () => {
    expect(isoDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(isoDay(new Date('2026-11-29T00:00:00Z'))).toBe('2026-11-29');
  });
});

describe('the team area’s days and hours (Rome)', () => {
  it.each([
    ['2026-11-30', '2026-11-29T23:00:00.000Z'], // winter: UTC+1
    ['2026-07-01', '2026-06-30T22:00:00.000Z'], // summer: UTC+2
    ['2026-03-29', '2026-03-28T23:00:00.000Z'], // the day summer time starts, at 2:00
    ['2026-10-25', '2026-10-24T22:00:00.000Z'], // the day it ends, at 3:00
  ])('%s begins at %s', (day, iso) => {
    expect(romeMidnight(day).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-11-30T06:59:00Z', 7],
    ['2026-11-30T07:00:00Z', 8],
    ['2026-07-01T06:00:00Z', 8],
    ['2026-11-30T23:30:00Z', 0],
  ])('at %s it is %i o’clock in Rome', (iso, hour) => {
    expect(romeHour(new Date(iso))).toBe(hour);
  });

  it('moves days across months and years, and writes them the Italian way', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(formatDay('2026-12-05')).toBe('05/12/2026');
  });
});

describe('reading time', () => {
  it('counts words, not markup', () => {
    expect(
      countWords(
        'import X from \'./x.ts\';\n\n## Titolo\n\n<Definizione tipo="nuova">\n  **attivare** i contatti\n</Definizione>',
      ),
    ).toBe(4);
    expect(countWords('Un [link](/blog/) e - un elenco')).toBe(5);
  });

  it.each([
    ['', 1],
    ['parola '.repeat(200), 1],
    ['parola '.repeat(201), 2],
    ['parola '.repeat(1000), 5],
  ])('%#: rounds up to whole minutes, at least one', (text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes);
  });

  it('formats in Italian', () => {
    expect(formatReadingTime(4)).toBe('4 min di lettura');
  });
});

describe('slugify', () => {
  it.each([
    ['networking', 'networking'],
    ['Public Relation Referenziale', 'public-relation-referenziale'],
    ['Città & Società', 'citta-societa'],
    ['  B2B / B2C  ', 'b2b-b2c'],
    ['perché?', 'perche'],
    ['--Vendite--', 'vendite'],
    ['¿¡Qué!?', 'que'],
    ['!!!', ''],
  ])('%s → %s', (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });
});

describe('formatDateTime', () => {
  it.each([
    ['2026-11-29T22:55:51.783Z', '29/11/2026, 23:55'],
    ['2026-07-01T06:05:00Z', '01/07/2026, 08:05'],
    ['2026-03-29T00:59:00Z', '29/03/2026, 01:59'],
    ['2026-03-29T01:00:00Z', '29/03/2026, 03:00'],
  ])('%s → %s (Rome, summer time included)', (iso, expected) => {
    expect(formatDateTime(new Date(iso))).toBe(expected);
  });
});
