import { contactFieldError } from '../leads/contact-rules.ts';
import { hasUnseenCharacters, UNSEEN_ERROR } from '../text/characters.ts';
import { ROLES, type Role } from './roles.ts';

/** The shortest password the team area accepts: long beats complicated. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;

export interface NewMember {
  /** Lower-cased. */
  email: string;
  name: string;
  role: Role;
}

/** Checks a member the titolare adds: the clean member, or the Italian error of each field. */
export function checkNewMember(raw: {
  email?: string | null;
  name?: string | null;
  role?: string | null;
}): { ok: true; member: NewMember } | { ok: false; errors: Partial<Record<keyof NewMember, string>> } {
  const errors: Partial<Record<keyof NewMember, string>> = {};
  const email = (raw.email ?? '').trim();
  const name = (raw.name ?? '').trim();
  const emailError = contactFieldError('email', email);
  if (emailError) errors.email = emailError;
  if (!name) errors.name = 'Inserisci il nome come lo vedranno i colleghi.';
  else if (name.length > 100) errors.name = 'Al massimo 100 caratteri.';
  else if (hasUnseenCharacters(name)) errors.name = UNSEEN_ERROR;
  if (!ROLES.includes(raw.role as Role)) errors.role = 'Scegli un ruolo.';
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, member: { email: email.toLowerCase(), name, role: raw.role as Role } };
}

/**
 * What is wrong with a new password, in Italian, or null: long enough, not absurdly long,
 * not the email or its name part, typed the same twice.
 */
export function passwordProblem(password: string, repeated: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `La password deve avere almeno ${MIN_PASSWORD_LENGTH} caratteri: una frase di tre o quattro parole va benissimo.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `La password può avere al massimo ${MAX_PASSWORD_LENGTH} caratteri.`;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0];
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local)))
    return 'La password non deve contenere il tuo indirizzo email.';
  if (password !== repeated) return 'Le due password non coincidono: scrivila di nuovo due volte uguale.';
  return null;
}
