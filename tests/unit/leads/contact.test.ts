import { describe, it, expect } from 'vitest';
import { isValidPartitaIva, normalizePartitaIva } from '../../../src/lib/leads/partita-iva.ts';
import { normalizeItalianPhone } from '../../../src/lib/leads/phone.ts';
import { checkContact, contactFieldError } from '../../../src/lib/leads/contact-rules.ts';
import { contactSchema } from '../../../src/lib/leads/contact-schema.ts';

describe('partita IVA', () => {
  it.each([
    ['12345678903', true],
    ['00743110157', true],
    ['01114601006', true],
    ['12345678901', false],
    ['02126210239', false],
    ['00000000000', false],
    ['1234567890', false],
    // 12 digits whose first 11 (or last 11) would be valid.
    ['123456789031', false],
    ['012345678903', false],
    ['1234567890X', false],
    // Every check digit 0–9, and doubled digits above 9 (5–9 at even positions).
    ['10000000000', false],
    ['10000000009', true],
    ['01000000008', true],
    ['00000000059', true],
    ['00000000051', false],
    ['00000000091', true],
    ['00000000109', true],
    ['00000000100', false],
    ['09090909095', true],
    ['09090909090', false],
    ['99999999990', true],
    ['00000000307', true],
  ])('%s valid=%s', (digits, valid) => {
    expect(isValidPartitaIva(digits)).toBe(valid);
  });

  it.each([
    ['IT 123 456 789 03', '12345678903'],
    ['it12345678903', '12345678903'],
    ['123.456.789.03', '12345678903'],
    ['1234567890', null],
    ['12345678903X', null],
    ['A12345678903', null],
    ['12345IT678903', null],
    ['IT-12345678903', '12345678903'],
  ])('normalises %s', (input, expected) => {
    expect(normalizePartitaIva(input)).toBe(expected);
  });
});

describe('Italian phone numbers', () => {
  it.each([
    ['333 123 4567', '+393331234567'],
    ['+39 333 1234567', '+393331234567'],
    ['0039 333-123-4567', '+393331234567'],
    ['02 1234567', '+39021234567'],
    ['(06) 123.45.67', '+39061234567'],
    ['02/12345678', '+390212345678'],
    ['123456', null],
    ['333 12', null],
    ['333 123 4567 890', null],
    ['+44 20 7946 0958', null],
    ['chiamami', null],
    ['333 123 456x', null],
    ['x333 123 456', null],
    ['012345', '+39012345'],
    ['01234', null],
    ['01234567890', '+3901234567890'],
    ['012345678901', null],
    ['+39+39 333 1234567', null],
    ['39 333 1234567', null],
    ['0039', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeItalianPhone(input)).toBe(expected);
  });
});

const good = { nome: ' Mario ', cognome: 'Rossi', email: 'Mario.Rossi@Azienda.IT', azienda: 'Rossi Srl' };

describe('contact rules', () => {
  it('accepts and normalises a good contact; optional fields may be blank', () => {
    expect(checkContact({ ...good, telefono: '', piva: '  ' })).toEqual({
      ok: true,
      contact: { nome: 'Mario', cognome: 'Rossi', email: 'mario.rossi@azienda.it', azienda: 'Rossi Srl' },
    });
    expect(checkContact({ ...good, telefono: '333 1234567', piva: 'IT12345678903' })).toMatchObject({
      ok: true,
      contact: { telefono: '+393331234567', piva: '12345678903' },
    });
  });

  it.each([
    ['nome', '', 'Inserisci il nome.'],
    ['nome', 'x'.repeat(101), 'Al massimo 100 caratteri.'],
    ['cognome', 'x'.repeat(101), 'Al massimo 100 caratteri.'],
    ['azienda', 'x'.repeat(151), 'Al massimo 150 caratteri.'],
    ['email', `${'a'.repeat(245)}@esempio.it`, 'Al massimo 254 caratteri.'],
    ['email', 'mario@azienda.it!', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', '.mario@azienda.it', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario.@azienda.it', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario@azienda', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario@-azienda.it', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario@azienda.i', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    [
      'telefono',
      '333 1234567'.padEnd(31),
      'Inserisci un numero di telefono italiano, per esempio 333 123 4567 o 02 1234567.',
    ],
    ['piva', '12345678903'.padEnd(21), 'La partita IVA ha 11 cifre.'],
    ['cognome', '   ', 'Inserisci il cognome.'],
    ['email', '', "Inserisci l'indirizzo email."],
    ['email', 'mario@', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario..rossi@azienda.it', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['email', 'mario rossi@azienda.it', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
    ['azienda', '', "Inserisci il nome dell'azienda."],
    ['telefono', '12', 'Inserisci un numero di telefono italiano, per esempio 333 123 4567 o 02 1234567.'],
    ['piva', '123', 'La partita IVA ha 11 cifre.'],
    ['piva', '12345678901', 'Questa partita IVA non è valida: controlla le cifre.'],
  ] as const)('%s = %j → %s', (field, value, message) => {
    expect(contactFieldError(field, value)).toBe(message);
    const result = checkContact({ ...good, [field]: value });
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });

  it.each([
    ['nome', 'x'.repeat(100), 'x'.repeat(100)],
    ['cognome', ' Rossi ', 'Rossi'],
    ['azienda', 'x'.repeat(150), 'x'.repeat(150)],
    ['email', ' Mario@Azienda.IT ', 'mario@azienda.it'],
    ['email', `${'a'.repeat(243)}@esempio.it`, `${'a'.repeat(243)}@esempio.it`],
    ['email', "o'neil+lead@mail.azienda.co.uk", "o'neil+lead@mail.azienda.co.uk"],
    ['telefono', '333 1234567'.padEnd(30), '+393331234567'],
    ['piva', '12345678903'.padEnd(20), '12345678903'],
  ] as const)('%s = %j is accepted as %j', (field, value, clean) => {
    expect(contactFieldError(field, value)).toBeUndefined();
    expect(checkContact({ ...good, [field]: value })).toMatchObject({ ok: true, contact: { [field]: clean } });
  });

  it.each([['telefono'], ['piva']] as const)('an absent or blank %s is no error and no field', (field) => {
    for (const blank of [undefined, '', '   ']) {
      expect(contactFieldError(field, blank)).toBeUndefined();
      const result = checkContact({ ...good, [field]: blank });
      expect(result.ok && Object.keys(result.contact)).toEqual(['nome', 'cognome', 'email', 'azienda']);
    }
  });

  it('reports every wrong field at once', () => {
    const result = checkContact({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['nome', 'cognome', 'email', 'azienda']);
  });
});

describe('the server contact schema applies the same rules', () => {
  it('gives the same value and the same message per field', () => {
    expect(contactSchema.parse({ ...good, piva: '123 456 789 03' })).toEqual({
      nome: 'Mario',
      cognome: 'Rossi',
      email: 'mario.rossi@azienda.it',
      azienda: 'Rossi Srl',
      piva: '12345678903',
    });
    const result = contactSchema.safeParse({ ...good, email: 'no', piva: '1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['email', 'Inserisci un indirizzo email valido, per esempio nome@azienda.it.'],
      ['piva', 'La partita IVA ha 11 cifre.'],
    ]);
  });

  it('rejects wrong types with a message, not an exception', () => {
    const result = contactSchema.safeParse({ ...good, nome: 42 });
    expect(result.error?.issues[0]).toMatchObject({ path: ['nome'], message: 'Deve essere un testo.' });
  });

  it.each([['nome'], ['cognome'], ['email'], ['telefono'], ['azienda'], ['piva']])(
    'cuts a %s of over 1,000 characters short, before any rule',
    (field) => {
      const result = contactSchema.safeParse({ ...good, [field]: 'x'.repeat(1001) });
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: [field], message: 'Testo troppo lungo.' }),
      ]);
    },
  );

  it('reports each missing required field as a custom issue with the rule’s message', () => {
    const result = contactSchema.safeParse({});
    expect(result.error?.issues.map((i) => [i.code, i.path.join('.'), i.message])).toEqual([
      ['custom', 'nome', 'Inserisci il nome.'],
      ['custom', 'cognome', 'Inserisci il cognome.'],
      ['custom', 'email', "Inserisci l'indirizzo email."],
      ['custom', 'azienda', "Inserisci il nome dell'azienda."],
    ]);
  });
});
