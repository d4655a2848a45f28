/**
 * Prints the hash of a team-area password, for ADMIN_PASSWORD_HASH (so the password itself
 * is never stored in the environment):
 *   npm run admin:password -- 'una password lunga e nuova'
 */
import { hashPassword } from '../src/server/admin/password.ts';

const password = process.argv[2] ?? '';
if (password.length < 12) {
  console.error('Give a password of at least 12 characters: npm run admin:password -- "…"');
  process.exit(2);
}
console.log(hashPassword(password));
