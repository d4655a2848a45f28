import { isValidPartitaIva, normalizePartitaIva } from './partita-iva.ts';
import { normalizeItalianPhone } from './phone.ts';
import { hasUnseenCharacters, UNSEEN_ERROR } from '../text/characters.ts';

/*
 * The rules of the contact fields, as plain functions: the server's zod schema
 * (`contact-schema.ts`) applies them, and so does the island in the browser, which
 * cannot afford zod's bytes (zod/mini alone is ~7 KB gzip of a 15 KB page budget).
 */

export const CONTACT_FIELDS = ['nome', 'cognome', 'email', 'telefono', 'azienda', 'piva'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactRaw = Partial<Record<ContactField, string>>;

export interface Contact {
  nome: string;
  cognome: string;
  /** Lower-cased. */
  email: string;
  /** `+39…`, when given. */
  telefono?: string;
  azienda: string;
  /** 11 digits, when given. */
  piva?: string;
}

// The same pattern zod uses for z.email(): no leading, trailing or double dots; a dotted domain.
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

type Check = { value?: string; error?: string };

function required(label: string, max: number) {
  return (raw: string): Check => {
    const value = raw.trim();
    if (!value) return { error: `Inserisci ${label}.` };
    if (value.length > max) return { error: `Al massimo ${max} caratteri.` };
    if (hasUnseenCharacters(value)) return { error: UNSEEN_ERROR };
    return { value };
  };
}

const RULES: Record<ContactField, (raw: string) => Check> = {
  nome: required('il nome', 100),
  cognome: required('il cognome', 100),
  azienda: required("il nome dell'azienda", 150),
  email(raw) {
    const value = raw.trim();
    if (!value) return { error: "Inserisci l'indirizzo email." };
    if (value.length > 254) return { error: 'Al massimo 254 caratteri.' };
    if (!EMAIL.test(value)) return { error: 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.' };
    return { value: value.toLowerCase() };
  },
  telefono(raw) {
    if (!raw.trim()) return {};
    const value = raw.length <= 30 ? normalizeItalianPhone(raw) : null;
    return value
      ? { value }
      : { error: 'Inserisci un numero di telefono italiano, per esempio 333 123 4567 o 02 1234567.' };
  },
  piva(raw) {
    if (!raw.trim()) return {};
    const digits = raw.length <= 20 ? normalizePartitaIva(raw) : null;
    if (!digits) return { error: 'La partita IVA ha 11 cifre.' };
    if (!isValidPartitaIva(digits)) return { error: 'Questa partita IVA non è valida: controlla le cifre.' };
    return { value: digits };
  },
};

/** The Italian error of one field, or undefined when its value is acceptable. */
export function contactFieldError(field: ContactField, raw: string | undefined): string | undefined {
  return RULES[field](raw ?? '').error;
}

/** Checks and normalises the contact fields: the clean contact, or an error per field. */
export function checkContact(
  raw: ContactRaw,
): { ok: true; contact: Contact } | { ok: false; errors: Partial<Record<ContactField, string>> } {
  const errors: Partial<Record<ContactField, string>> = {};
  const clean: Partial<Record<ContactField, string>> = {};
  for (const field of CONTACT_FIELDS) {
    const { value, error } = RULES[field](raw[field] ?? '');
    if (error) errors[field] = error;
    else if (value !== undefined) clean[field] = value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, contact: clean as unknown as Contact };
}
