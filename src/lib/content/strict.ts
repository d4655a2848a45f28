import { z } from '../zod.ts';
import { closestKey } from './closest-key.ts';

/**
 * A zod object that refuses keys it does not know, with an Italian message that names the key and the one the
 * author probably meant: `Draft: true` must not be read as "no `draft`", which publishes the draft.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}

/** "`Draft` non esiste: forse `draft`?", one sentence per key. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  return keys
    .map((key) => {
      const guess = closestKey(key, known);
      return guess
        ? `\`${key}\` non esiste: forse \`${guess}\`?`
        : `\`${key}\` non esiste (i campi ammessi sono ${known.map((k) => `\`${k}\``).join(', ')}).`;
    })
    .join(' ');
}
