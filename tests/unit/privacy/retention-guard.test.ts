import { describe, it, expect } from 'vitest';
import { retentionSkip } from '../../../src/lib/privacy/retention-guard.ts';
import { consentErrors, LEAD_CONSENT_TEXTS } from '../../../src/lib/leads/consent.ts';

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

  it('says what it would have done and how to do it by hand', () => {
    expect(retentionSkip({ now, newest: null, leads: 4, leadsDue: 4 })?.message).toBe(
      'it would delete 4 of 4 leads: check the clock, then run npm run retention -- --force',
    );
  });
});

describe('the proof of consent', () => {
  const shown = {
    privacyNoticeVersion: '2026-11-29',
    privacyTextId: LEAD_CONSENT_TEXTS.privacy.id,
    marketing: false,
    marketingTextId: LEAD_CONSENT_TEXTS.marketing.id,
  };
  it.each([
    ['what the site shows', {}, true],
    ['marketing granted with its text', { marketing: true }, true],
    ['marketing not granted, no text', { marketingTextId: undefined }, true],
    ['another notice version', { privacyNoticeVersion: '1999-01-01' }, false],
    ['an invented notice text', { privacyTextId: 'inventato' }, false],
    ['marketing granted without its text', { marketing: true, marketingTextId: undefined }, false],
    ['a marketing text never shown', { marketingTextId: 'promo' }, false],
  ])('%s', (_name, change, ok) => {
    expect(consentErrors({ ...shown, ...change }, '2026-11-29')).toEqual(ok ? {} : { privacy: expect.any(String) });
  });
});
