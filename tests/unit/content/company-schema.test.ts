import { describe, it, expect } from 'vitest';
import {
  companyLines,
  companySchema,
  formatSede,
  missingCompanyFields,
} from '../../../src/lib/content/company-schema.ts';
import { companyLd, homeLd } from '../../../src/lib/seo/json-ld.ts';

const full = {
  nome: 'Segnalazione Vincente',
  ragioneSociale: 'Segnalazione Vincente S.r.l.',
  sede: { indirizzo: 'Via Roma 1', cap: '20121', citta: 'Milano', provincia: 'MI' },
  partitaIva: 'IT 012 345 678 97',
  rea: 'MI-1234567',
  email: 'info@example.it',
  pec: 'sv@pec.example.it',
  telefono: '02 1234 5678',
  whatsapp: '+39 333 123 4567',
  social: [{ nome: 'LinkedIn', url: 'https://www.linkedin.com/company/sv' }],
};

describe('company schema', () => {
  it('accepts a complete company, normalising P.IVA and phone numbers', () => {
    expect(companySchema.parse(full)).toMatchObject({
      partitaIva: '01234567897',
      telefono: '+390212345678',
      whatsapp: '+393331234567',
    });
  });

  it('accepts the brand alone, with no social profile', () => {
    expect(companySchema.parse({ nome: 'SV' })).toEqual({ nome: 'SV', social: [] });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a P.IVA with a wrong check digit', { partitaIva: '01234567890' }, 'partitaIva', 'partita IVA non è valida'],
    ['a P.IVA too short', { partitaIva: '123' }, 'partitaIva', 'partita IVA non è valida'],
    ['a phone that is not Italian', { telefono: '12' }, 'telefono', '«12» non è un numero di telefono italiano.'],
    ['WhatsApp on a landline', { whatsapp: '02 1234 5678' }, 'whatsapp', 'cellulare'],
    ['a CAP of 4 digits', { sede: { ...full.sede, cap: '2012' } }, 'sede', 'CAP'],
    ['a province in lower case', { sede: { ...full.sede, provincia: 'mi' } }, 'sede', 'provincia'],
    ['an email without a domain', { email: 'info@' }, 'email', 'email non valido'],
    ['a social profile over http', { social: [{ nome: 'X', url: 'http://x.it' }] }, 'social', 'https'],
    ['no name', { nome: ' ' }, 'nome', ''],
  ])('rejects %s, naming the field in Italian', (_, change, field, message) => {
    const result = companySchema.safeParse({ ...full, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path[0]).toBe(field);
    expect(issue?.message).toContain(message);
  });
});

describe('what the site shows of the company', () => {
  const company = companySchema.parse(full);
  const bare = companySchema.parse({ nome: 'Segnalazione Vincente' });

  it('lists the missing fields an Italian company site must show', () => {
    expect(missingCompanyFields(company)).toEqual([]);
    expect(missingCompanyFields(bare)).toEqual(['ragione sociale', 'sede legale', 'partita IVA', 'email di contatto']);
  });

  it('writes identity lines from what is known, never a placeholder', () => {
    expect(companyLines(company)).toEqual([
      'Segnalazione Vincente S.r.l.',
      'Sede legale: Via Roma 1, 20121 Milano (MI)',
      'P.IVA 01234567897 · REA MI-1234567',
    ]);
    expect(companyLines(bare)).toEqual(['Segnalazione Vincente']);
    expect(companyLines({ ...bare, rea: 'MI-1' })).toEqual(['Segnalazione Vincente', 'REA MI-1']);
    expect(formatSede(full.sede)).toBe('Via Roma 1, 20121 Milano (MI)');
  });

  it('describes the company in the Organization JSON-LD, leaving out what is missing', () => {
    const site = new URL('https://www.example.it/');
    const [org] = homeLd(site, company);
    expect(org).toMatchObject({
      '@type': 'Organization',
      name: 'Segnalazione Vincente',
      legalName: 'Segnalazione Vincente S.r.l.',
      vatID: 'IT01234567897',
      email: 'info@example.it',
      telephone: '+390212345678',
      address: { '@type': 'PostalAddress', postalCode: '20121', addressLocality: 'Milano', addressCountry: 'IT' },
      contactPoint: { '@type': 'ContactPoint', email: 'info@example.it', availableLanguage: 'it' },
      sameAs: ['https://www.linkedin.com/company/sv'],
    });
    const minimal = JSON.parse(JSON.stringify(companyLd(bare)));
    expect(minimal).toEqual({});
    expect(companyLd({ ...bare, telefono: '+39021' }).contactPoint).toMatchObject({ telephone: '+39021' });
  });
});
