import { z } from '../zod.ts';
import { CONTACT_FIELDS, checkContact, type ContactField } from './contact-rules.ts';

const field = z.string({ error: 'Deve essere un testo.' }).max(1000, { error: 'Testo troppo lungo.' });

/**
 * The prospect's contact details. The rules live in `contact-rules.ts`, shared with the
 * island; this schema applies them so the server reports the same Italian message per field.
 */
export const contactSchema = z
  .object({
    nome: field.default(''),
    cognome: field.default(''),
    email: field.default(''),
    telefono: field.optional(),
    azienda: field.default(''),
    piva: field.optional(),
  } satisfies Record<ContactField, unknown>)
  .transform((raw, ctx) => {
    const checked = checkContact(raw);
    if (checked.ok) return checked.contact;
    for (const name of CONTACT_FIELDS) {
      const message = checked.errors[name];
      if (message) ctx.addIssue({ code: 'custom', path: [name], message });
    }
    return z.NEVER;
  });
