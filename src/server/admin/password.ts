import { randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;

const format = (salt: Buffer, hash: Buffer) =>
  `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${hash.toString('base64')}`;

/**
 * `scrypt$N$r$p$<salt>$<hash>` (base64): the form ADMIN_PASSWORD_HASH takes; `npm run
 * admin:password` makes one. Synchronous: for start-up and scripts only; requests use
 * `hashPasswordAsync`.
 */
export function hashPassword(password: string, salt = randomBytes(16)): string {
  return format(salt, scryptSync(password.normalize('NFKC'), salt, 32, PARAMS));
}

/** The same hash, computed on the thread pool so a request never stalls the others. */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await scryptAsync(password.normalize('NFKC'), salt, 32, PARAMS));
}

/** Whether a string has the shape of a hash made by `hashPassword`. */
export function isPasswordHash(value: string): boolean {
  return /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/.test(value);
}

const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/**
 * Checks a password against a stored hash in constant time. Asynchronous: scrypt runs on
 * the thread pool, so a sign-in never stalls the other requests (~90 ms each).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (!isPasswordHash(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

// No 0/o, 1/l/i: a temporary password is read aloud or copied from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A temporary password to hand to a new member (four groups of four, ~79 bits), to change at once. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
