import { describe, it, expect } from 'vitest';
import { retentionSkip } from '../../../src/lib/privacy/retention-guard.ts';

const now = new Date('2026-11-30T10:00:00Z');

describe('the retention guard', () => {
  it.each([
    ['nothing stored', null, 0, 0, null],
    ['nothing due', '2026-11-29T00:00:00Z', 10, 0, null],
    ['a few old leads', '2026-11-29T00:00:00Z', 10, 3, null],
    ['exactly half', '2026-11-29T00:00:00Z', 10, 5, null],
    ['more than half', '2026-11-29T00:00:00Z', 10, 6, 'too-many'],
    ['every lead', '2026-11-29T00:00:00Z', 3, 3, 'too-many'],
    ['the only lead', '2026-11-29T00:00:00Z', 1, 1, 'too-many'],
    ['the newest row later than now', '2026-11-30T10:00:01Z', 10, 0, 'clock-behind'],
    ['the newest row exactly now', '2026-11-30T10:00:00Z', 10, 0, null],
  ])('%s', (_name, newest, leads, leadsDue, reason) => {
    const skip = retentionSkip({ now, newest: newest ? new Date(newest) : null, leads, leadsDue });
    expect(skip?.reason ?? null).toBe(reason);
  });

  it('says what the clock reads and what it found', () => {
    expect(retentionSkip({ now, newest: new Date('2026-12-01T00:00:00Z'), leads: 1, leadsDue: 0 })?.message).toBe(
      'the clock (2026-11-30T10:00:00.000Z) is before the newest row (2026-12-01T00:00:00.000Z)',
    );
  });

  it('says what it would have done and how to do it by hand', () => {
    expect(retentionSkip({ now, newest: null, leads: 4, leadsDue: 4 })?.message).toBe(
      'it would delete 4 of 4 leads: check the clock, then run npm run retention -- --force',
    );
  });
});
