import { describe, it, expect } from 'vitest';
import { hasUnseenCharacters, withoutUnseen, printable, UNSEEN_ERROR } from '../../../src/lib/text/characters.ts';
import { checkContact } from '../../../src/lib/leads/contact-rules.ts';
import { commentPayloadSchema } from '../../../src/lib/comments/comment-schema.ts';

const UNSEEN = [
  ['NUL', '\u0000'],
  ['an ANSI escape', '\u001b[31m'],
  ['a line break', '\n'],
  ['a carriage return', '\r'],
  ['a tab', '\t'],
  ['DEL', '\u007f'],
  ['a C1 control', '\u009b'],
  ['a right-to-left override', '\u202e'],
  ['a bidi isolate', '\u2066'],
  ['a left-to-right mark', '\u200e'],
  ['a zero-width space', '\u200b'],
  ['a word joiner', '\u2060'],
  ['a BOM', '\ufeff'],
  ['a line separator', '\u2028'],
  ['the replacement character', '\ufffd'],
];

describe('characters nobody means in a name', () => {
  it.each(UNSEEN)('%s is found', (_name, c) => {
    expect(hasUnseenCharacters(`Mario${c}Rossi`)).toBe(true);
  });

  it.each(['Mario Rossi', 'Nicolò D’Amico', 'Zoë', 'Ærø', 'José-María', 'Müller & Söhne S.r.l.', '👩‍💼 Anna'])(
    '%j is fine',
    (name) => {
      expect(hasUnseenCharacters(name)).toBe(false);
    },
  );

  it('refuses them in the contact fields, with an Italian message per field', () => {
    const checked = checkContact({
      nome: 'Mario\nEsito: In target',
      cognome: '\u200b\u200b',
      email: 'm@azienda.it',
      azienda: 'Rossi\u001b[2J Srl',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['azienda', 'cognome', 'nome']);
    expect(checked.errors.nome).toBe(UNSEEN_ERROR);
  });
});

describe('comments', () => {
  const base = { articolo: 'un-articolo', nome: 'Chiara', email: 'c@example.it', privacy_version: 'v1' };

  it('keeps line breaks, tabs and emoji joiners, and drops controls, bidi overrides and zero-width spaces', () => {
    const parsed = commentPayloadSchema.parse({
      ...base,
      commento: 'Riga\r\nsotto\t👨\u200d👩\u0000\u001b[31m\u202eevil\u200b\ufffd',
    });
    expect(parsed.commento).toBe('Riga\nsotto\t👨\u200d👩[31mevil');
  });

  it('refuses a comment that is only invisible characters, and a name with them', () => {
    const result = commentPayloadSchema.safeParse({ ...base, nome: '\u200b', commento: '\u200b\u0000\u202e' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['nome', 'commento']));
    expect(issues.find((i) => i.path[0] === 'nome')?.message).toBe(UNSEEN_ERROR);
  });

  it('withoutUnseen leaves ordinary text alone', () => {
    expect(withoutUnseen('Ciao,\n\ttutto bene? 😀')).toBe('Ciao,\n\ttutto bene? 😀');
  });
});

describe('printable', () => {
  it.each([
    ['Mario\u001b[31mRossi', 'Mario\\u{1b}[31mRossi'],
    ['a\nb', 'a\\u{a}b'],
    ['\u202eevil', '\\u{202e}evil'],
    ['zero\u200bwidth', 'zero\\u{200b}width'],
    ['Nicolò D’Amico', 'Nicolò D’Amico'],
  ])('%j → %j', (text, shown) => {
    expect(printable(text)).toBe(shown);
  });

  it('keeps line breaks and tabs in a multi-line text when asked', () => {
    expect(printable('a\r\nb\tc\u0007', true)).toBe('a\r\nb\tc\\u{7}');
  });
});
