import { describe, it, expect } from 'vitest';
import { commentCountLabel } from '../../../src/lib/comments/count-label.ts';

describe('commentCountLabel', () => {
  it.each([
    [0, 'Nessun commento'],
    [1, '1 commento'],
    [2, '2 commenti'],
    [21, '21 commenti'],
  ])('%i → %s', (count, label) => {
    expect(commentCountLabel(count)).toBe(label);
  });
});
