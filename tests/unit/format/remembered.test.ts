import { describe, it, expect } from 'vitest';
import { rememberedByInstant } from '../../../src/lib/format/remembered.ts';

describe('rememberedByInstant', () => {
  const counting = () => {
    const calls: number[] = [];
    const format = rememberedByInstant((date) => {
      calls.push(date.getTime());
      return `giorno ${date.getTime()}`;
    }, 3);
    return { calls, format };
  };

  it('formats each instant once, whichever Date object carries it', () => {
    const { calls, format } = counting();
    expect(format(new Date(1000))).toBe('giorno 1000');
    expect(format(new Date(1000))).toBe('giorno 1000');
    expect(format(new Date(2000))).toBe('giorno 2000');
    expect(calls).toEqual([1000, 2000]);
  });

  it('forgets everything once it holds as many instants as it may, and keeps answering right', () => {
    const { calls, format } = counting();
    for (const time of [1, 2, 3]) format(new Date(time));
    expect(format(new Date(3))).toBe('giorno 3');
    expect(calls).toEqual([1, 2, 3]);
    // A fourth instant empties the memory: the first ones are formatted again, the fourth is kept.
    expect(format(new Date(4))).toBe('giorno 4');
    expect(format(new Date(1))).toBe('giorno 1');
    expect(format(new Date(4))).toBe('giorno 4');
    expect(calls).toEqual([1, 2, 3, 4, 1]);
  });
});
