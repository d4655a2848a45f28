import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed "test opened at" token: the island asks for one when the test page loads and
 * sends it with the lead, so the server knows how long the prospect took, and a bot that
 * posts without loading the page has none.
 */
export function issueStartToken(key: Buffer, now: number): string {
  return `${now}.${mac(key, now)}`;
}

/** The time a token was issued, or null when it is missing, malformed or forged. */
export function startTokenTime(key: Buffer, token: string | undefined): number | null {
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return null;
  const issued = Number(match[1]);
  const expected = Buffer.from(mac(key, issued));
  const given = Buffer.from(match[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? issued : null;
}

function mac(key: Buffer, time: number): string {
  return createHmac('sha256', key).update(`start.${time}`).digest('base64url');
}
