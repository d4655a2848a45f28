import { z } from '../zod.ts';
import { strictObject } from './strict.ts';
import { isValidPartitaIva, normalizePartitaIva } from '../leads/partita-iva.ts';
import { normalizeItalianPhone } from '../leads/phone.ts';

/*
 * Who the company is, in one file the marketers edit (`content/azienda/azienda.yaml`):
 * the footer of every page, the privacy notice's data controller, the Organization
 * JSON-LD and the emails read it. Every field but the name is optional so the site builds
 * while the client gathers them; what is missing is listed (`missingCompanyFields`) by
 * the build and the team area, and never shown as a placeholder.
 */

const text = z.string().trim().min(1);

const phone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const normalised = normalizeItalianPhone(value);
    if (!normalised) ctx.addIssue({ code: 'custom', message: `«${value}» non è un numero di telefono italiano.` });
    return normalised ?? value;
  });

export const companySchema = strictObject({
  /** The brand, as people know it: "Segnalazione Vincente". */
  nome: text,
  /** The registered name, with its legal form: "Segnalazione Vincente S.r.l.". */
  ragioneSociale: text.optional(),
  /** The registered office. */
  sede: z
    .object({
      indirizzo: text,
      cap: z.string().regex(/^\d{5}$/, { error: 'Il CAP ha 5 cifre.' }),
      citta: text,
      /** The province's two-letter code: "MI". */
      provincia: z.string().regex(/^[A-Z]{2}$/, { error: 'La provincia è una sigla di due lettere maiuscole.' }),
    })
    .optional(),
  /** Partita IVA: 11 digits, checked by its check digit. */
  partitaIva: z
    .string()
    .trim()
    .refine((v) => isValidPartitaIva(normalizePartitaIva(v) ?? ''), {
      error: 'Questa partita IVA non è valida: controlla le 11 cifre.',
    })
    .transform((v) => normalizePartitaIva(v) as string)
    .optional(),
  /** Registro delle imprese: "MI-1234567". */
  rea: text.optional(),
  /** Where people and the privacy notice's requests write. */
  email: z.email({ error: 'Indirizzo email non valido.' }).optional(),
  /** Certified email (PEC), if the company wants it shown. */
  pec: z.email({ error: 'Indirizzo PEC non valido.' }).optional(),
  /** The team's phone, for click-to-call. */
  telefono: phone.optional(),
  /** A mobile number with WhatsApp, for the WhatsApp link. */
  whatsapp: phone
    .refine((v) => v.startsWith('+393'), { error: 'WhatsApp ha bisogno di un numero di cellulare.' })
    .optional(),
  /** Social profiles: name and address. */
  social: z.array(strictObject({ nome: text, url: z.url({ protocol: /^https$/, error: 'Un indirizzo https://.' }) })).default([]),
});

export type Company = z.output<typeof companySchema>;

/** The fields an Italian company site must show, with the words the team reads. */
const REQUIRED: [keyof Company, string][] = [
  ['ragioneSociale', 'ragione sociale'],
  ['sede', 'sede legale'],
  ['partitaIva', 'partita IVA'],
  ['email', 'email di contatto'],
];

/** What the site still needs to say who the company is: empty when complete. */
export function missingCompanyFields(company: Company): string[] {
  return REQUIRED.filter(([key]) => company[key] === undefined).map(([, label]) => label);
}

/** "Via Roma 1, 20121 Milano (MI)". */
export const formatSede = (sede: NonNullable<Company['sede']>) =>
  `${sede.indirizzo}, ${sede.cap} ${sede.citta} (${sede.provincia})`;

/**
 * The company's identity as lines for a footer or an email signature, only what is known:
 * "Segnalazione Vincente S.r.l.", "Sede legale: …", "P.IVA …", "REA …".
 */
export function companyLines(company: Company): string[] {
  return [
    company.ragioneSociale ?? company.nome,
    company.sede && `Sede legale: ${formatSede(company.sede)}`,
    [company.partitaIva && `P.IVA ${company.partitaIva}`, company.rea && `REA ${company.rea}`]
      .filter(Boolean)
      .join(' · '),
  ].filter((line): line is string => Boolean(line));
}
