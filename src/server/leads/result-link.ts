import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The result page of a lead is reached by a signed link that expires: the plain form's
 * redirect and the result email carry it. The signature covers the id and the expiry, so
 * nobody reads another lead's outcome by guessing ids or stretches a link's life.
 */

const sign = (key: Buffer, id: string, expires: number) =>
  createHmac('sha256', key).update(`result.${id}.${expires}`).digest('base64url').slice(0, 32);

/** The result page of a lead, valid until `expires`. */
export function resultPath(key: Buffer, id: string, expires: Date): string {
  const seconds = Math.floor(expires.getTime() / 1000);
  return `/test-gratuito/risultato/?id=${encodeURIComponent(id)}&scade=${seconds}&firma=${sign(key, id, seconds)}`;
}

/** Whether a result link's parameters are ours and not expired at `now`. */
export function isValidResultLink(key: Buffer, params: URLSearchParams, now: Date): boolean {
  const id = params.get('id') ?? '';
  const expires = params.get('scade') ?? '';
  const signature = params.get('firma') ?? '';
  if (!id || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(key, id, Number(expires)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
