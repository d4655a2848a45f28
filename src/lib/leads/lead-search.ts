import type { Contact } from './contact-rules.ts';

/*
 * Search in the team's leads list: one lower-case, accent-free text per lead (name,
 * surname, email, company, phone, P.IVA), stored with it and indexed, so a search reads a
 * narrow index instead of every lead, on SQLite and PostgreSQL alike.
 */

/** Lower case without accents: "Nicolò" and "NICOLO" are the same to a search. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text a lead is found by. */
export function searchText(contact: Contact): string {
  return foldForSearch(
    [contact.nome, contact.cognome, contact.email, contact.azienda, contact.telefono ?? '', contact.piva ?? ''].join(
      ' ',
    ),
  );
}

/**
 * The words of a search, each of which a lead must contain (at most five). A word of
 * digits and phone punctuation ("333-123", "(02)") is searched as its digits, as phones
 * and P.IVA are stored.
 */
export function searchWords(query: string): string[] {
  return (foldForSearch(query).match(/\S+/g) ?? [])
    .map((word) => (/^[\d+\-./()]+$/.test(word) && /\d/.test(word) ? word.replace(/\D/g, '') : word))
    .slice(0, 5);
}
