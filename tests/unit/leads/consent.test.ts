import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { consentErrors, COMMENT_CONSENT_TEXT, LEAD_CONSENT_TEXTS } from '../../../src/lib/leads/consent.ts';

/**
 * The words each consent id has stood for, as a SHA-256 prefix: stored leads and comments name the id, so an id
 * must never change its words. A new text gets a new id, and a line here.
 */
const PUBLISHED: Record<string, string> = {
  'lead-privacy-v1': '2ed6f34714cb95e0',
  'lead-marketing-v1': '8c33c7e96ff755d9',
  'comment-privacy-v1': '2abb199dc592591a',
  'lead-privacy-v2': '081ed1efba870d64',
  'lead-marketing-v2': 'e911c799dd3dc6ad',
};

const texts = [LEAD_CONSENT_TEXTS.privacy, LEAD_CONSENT_TEXTS.marketing, COMMENT_CONSENT_TEXT];
const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('consent texts', () => {
  it('have distinct ids', () => {
    expect(new Set(texts.map((t) => t.id)).size).toBe(texts.length);
  });

  it.each(texts.map((t) => [t.id, t.text]))('%s still says the words it was published with', (id, text) => {
    expect(fingerprint(text), `${id} changed its words: give the text a new id and record it in PUBLISHED`).toBe(
      PUBLISHED[id],
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
    expect(consentErrors({ ...shown, ...change }, '2026-11-29')).toEqual(
      ok
        ? {}
        : {
            privacy: 'Il testo dell’informativa è stato aggiornato nel frattempo: ricarica la pagina e invia di nuovo.',
          },
    );
  });
});
