import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { TokenPurpose, TokenState } from '../../lib/abuse/start-token.ts';

/**
 * A signed "form opened at" token: the test's island asks for one when the page loads,
 * the comment form carries one, and each comes back with the submission, so the server
 * knows how long it took, for which form it was issued, and how often it was used. A bot
 * that posts without loading the page has none.
 */
export function issueStartToken(key: Buffer, purpose: TokenPurpose, now: number): string {
  return `${purpose}.${now}.${mac(key, purpose, now)}`;
}

/** Reads a submitted token: missing, forged, of the old format, for another form, or valid. */
export function readStartToken(key: Buffer, token: string | undefined, purpose: TokenPurpose): TokenState {
  if (!token) return { kind: 'missing' };
  const match = /^(lead|comment)\.(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return /^\d{10,16}\.[A-Za-z0-9_-]{43}$/.test(token) ? { kind: 'legacy' } : { kind: 'forged' };
  const [, signedFor, time, signature] = match;
  const expected = Buffer.from(mac(key, signedFor as TokenPurpose, Number(time)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { kind: 'forged' };
  if (signedFor !== purpose) return { kind: 'other-form' };
  return { kind: 'valid', issuedAt: Number(time), digest: createHash('sha256').update(token).digest('base64url') };
}

// A KeyObject made once per key: building one from the raw bytes on every HMAC is measurable under load.
const keys = new WeakMap<Buffer, KeyObject>();

function mac(key: Buffer, purpose: TokenPurpose, time: number): string {
  let secret = keys.get(key);
  if (!secret) keys.set(key, (secret = createSecretKey(key)));
  return createHmac('sha256', secret).update(`start.${purpose}.${time}`).digest('base64url');
}
