import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LEVELS, STRENGTH_FROM, bandLadder, categoryReport, levelOf } from '../../../src/lib/quiz/levels.ts';

describe('levelOf', () => {
  it.each([
    [0, 'da-costruire', 1],
    [39, 'da-costruire', 1],
    [40, 'da-rafforzare', 2],
    [69, 'da-rafforzare', 2],
    [70, 'buono', 3],
    [84, 'buono', 3],
    [85, 'punto-di-forza', 4],
    [100, 'punto-di-forza', 4],
  ])('%i %% is %s (%i segments)', (percent, id, filled) => {
    expect(levelOf(percent)).toMatchObject({ id, filled });
  });

  it('a score under 0 (never computed, but stored data is not trusted) is the lowest level', () => {
    expect(levelOf(-1)).toEqual({ id: 'da-costruire', label: 'Da costruire', filled: 1 });
  });

  it('never goes down as the score goes up, and strength starts where "Buono" does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99 }), (p) => levelOf(p + 1).filled >= levelOf(p).filled));
    expect(LEVELS.find((l) => l.id === 'buono')?.from).toBe(STRENGTH_FROM);
  });
});

describe('categoryReport', () => {
  const categories = [
    { id: 'a', label: 'A', advice: 'lavora su A', strength: 'A va bene' },
    { id: 'b', label: 'B', advice: 'lavora su B' },
    { id: 'c', label: 'C', strength: 'C va bene' },
    { id: 'd', label: 'D' },
  ];

  it('puts strengths first (strongest first) and what to work on after (weakest first), with their sentences', () => {
    const report = categoryReport(categories, [
      { id: 'a', percent: 72 },
      { id: 'b', percent: 10 },
      { id: 'c', percent: 90 },
      { id: 'd', percent: 50 },
    ]);
    expect(report.strengths.map((l) => [l.id, l.level.id, l.sentence])).toEqual([
      ['c', 'punto-di-forza', 'C va bene'],
      ['a', 'buono', 'A va bene'],
    ]);
    expect(report.toWork.map((l) => [l.id, l.level.id, l.sentence])).toEqual([
      ['b', 'da-costruire', 'lavora su B'],
      ['d', 'da-rafforzare', undefined],
    ]);
    expect(report.toWork[0].label).toBe('B');
  });

  it('uses the advice under the threshold and the strength from it', () => {
    expect(categoryReport(categories, [{ id: 'a', percent: STRENGTH_FROM - 1 }]).toWork[0].sentence).toBe(
      'lavora su A',
    );
    expect(categoryReport(categories, [{ id: 'a', percent: STRENGTH_FROM }]).strengths[0].sentence).toBe('A va bene');
  });

  it('leaves out a stored category the test no longer has', () => {
    expect(categoryReport(categories, [{ id: 'gone', percent: 10 }])).toEqual({ strengths: [], toWork: [] });
  });
});

describe('bandLadder', () => {
  it('lists the bands by score, marking the current one', () => {
    const bands = [
      { id: 'alto', title: 'Alto', min: 70 },
      { id: 'basso', title: 'Basso', min: 0 },
      { id: 'medio', title: 'Medio', min: 45 },
    ];
    expect(bandLadder(bands, 'medio')).toEqual([
      { id: 'basso', title: 'Basso', current: false },
      { id: 'medio', title: 'Medio', current: true },
      { id: 'alto', title: 'Alto', current: false },
    ]);
  });
});
