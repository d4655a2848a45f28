import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { signWebhook, verifyWebhook } from '../../../src/lib/notify/webhook-signature.ts';

const secret = 'segreto';
const body = '{"event":"lead.created"}';
const t = 1_700_000_000;
// Computed independently: printf '1700000000.{"event":"lead.created"}' | openssl dgst -sha256 -hmac segreto
const mac = '55db2fd379b26324992b1be432f54bf964d812024c7052b6657b2ee897265ec7';
const header = `t=${t},v1=${mac}`;
const at = (seconds: number) => seconds * 1000;

describe('signWebhook', () => {
  it('is HMAC-SHA256 in hex of "<t>.<body>", with its timestamp', () => {
    expect(signWebhook(secret, body, t)).toBe(header);
  });
});

describe('verifyWebhook', () => {
  it.each<[string, string, string, number, boolean]>([
    ['the signature of the body, just sent', body, header, t, true],
    ['a delivery 300 s old (the tolerance, included)', body, header, t + 300, true],
    ['a delivery 301 s old (a replay)', body, header, t + 301, false],
    ['a timestamp 301 s in the future', body, header, t - 301, false],
    ['a timestamp 300 s in the future', body, header, t - 300, true],
    ['another body', '{"event":"lead.deleted"}', header, t, false],
    ['a signature with one digit changed', body, `t=${t},v1=${mac.slice(0, -1)}8`, t, false],
    ['a truncated signature', body, `t=${t},v1=${mac.slice(0, 32)}`, t, false],
    ['no signature', body, `t=${t}`, t, false],
    ['an empty signature', body, `t=${t},v1=`, t, false],
    ['a timestamp that is not a number', body, `t=ieri,v1=${mac}`, t, false],
    ['no timestamp', body, `v1=${mac}`, t, false],
    ['the parts in the other order', body, `v1=${mac},t=${t}`, t, true],
    ['an empty header', body, '', t, false],
  ])('%s → %s', (_name, received, given, nowSeconds, valid) => {
    expect(verifyWebhook(secret, received, given, 300, at(nowSeconds))).toBe(valid);
  });

  it.each([
    [59, true],
    [60, true],
    [61, false],
  ])('with a 60 s tolerance, %i s later → %s', (late, valid) => {
    expect(verifyWebhook(secret, body, header, 60, at(t + late))).toBe(valid);
  });

  it('refuses another secret', () => {
    expect(verifyWebhook('altro', body, header, 300, at(t))).toBe(false);
  });

  it('defaults to 5 minutes of tolerance and the current time', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now))).toBe(true);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 290))).toBe(true);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 400))).toBe(false);
  });

  it('accepts what it signs, for any secret and body, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (key, text, other) => {
        const signed = signWebhook(key, text, t);
        return (
          verifyWebhook(key, text, signed, 300, at(t)) &&
          (other === text || !verifyWebhook(key, other, signed, 300, at(t)))
        );
      }),
    );
  });
});
