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
  ])('%s valid=%s', (digits, valid) => {
    expect(isValidPartitaIva(digits)).toBe(valid);
  });

  it.each([
    ['IT 123 456 789 03', '12345678903'],
    ['it12345678903', '12345678903'],
    ['123.456.789.03', '12345678903'],
    ['1234567890', null],
    ['12345678903X', null],
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
});
