import { createHmac, timingSafeEqual } from 'node:crypto';

const sign = (key: Buffer, id: string) =>
  createHmac('sha256', key).update(`result.${id}`).digest('base64url').slice(0, 32);

/** The plain form's result page for a lead, signed so nobody can read another lead's outcome by guessing ids. */
export function resultPath(key: Buffer, id: string): string {
  return `/test-gratuito/risultato/?id=${encodeURIComponent(id)}&firma=${sign(key, id)}`;
}

export function isValidResultSignature(key: Buffer, id: string, signature: string): boolean {
  const expected = Buffer.from(sign(key, id));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
