import { describe, it, expect } from 'vitest';
import { checkNewMember, passwordProblem, MIN_PASSWORD_LENGTH } from '../../../src/lib/accounts/member-rules.ts';

describe('a new member', () => {
  it('is cleaned: email lower-cased, name trimmed', () => {
    expect(checkNewMember({ email: ' Anna@Azienda.IT ', name: '  Anna Neri ', role: 'commerciale' })).toEqual({
      ok: true,
      member: { email: 'anna@azienda.it', name: 'Anna Neri', role: 'commerciale' },
    });
  });

  it.each([
    [{ email: 'anna', name: 'Anna', role: 'commerciale' }, ['email']],
    [{ email: 'anna@azienda.it', name: ' ', role: 'commerciale' }, ['name']],
    [{ email: 'anna@azienda.it', name: 'x'.repeat(101), role: 'commerciale' }, ['name']],
    [{ email: 'anna@azienda.it', name: 'Anna\u202E', role: 'redazione' }, ['name']],
    [{ email: 'anna@azienda.it', name: 'Anna', role: 'admin' }, ['role']],
    [{}, ['email', 'name', 'role']],
  ])('%j is refused for %j', (raw, fields) => {
    const result = checkNewMember(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual([...fields].sort());
      for (const message of Object.values(result.errors)) expect(message).toMatch(/^[A-Z]/);
    }
  });

  it('asks for what is missing, in Italian', () => {
    expect(checkNewMember({})).toEqual({
      ok: false,
      errors: {
        email: "Inserisci l'indirizzo email.",
        name: 'Inserisci il nome come lo vedranno i colleghi.',
        role: 'Scegli un ruolo.',
      },
    });
  });

  it('accepts a name of exactly 100 characters', () => {
    expect(checkNewMember({ email: 'a@b.it', name: 'x'.repeat(100), role: 'titolare' }).ok).toBe(true);
  });
});

describe('a new password', () => {
  const good = 'tre parole lunghe';
  it.each([
    [good, good, 'anna@azienda.it', null],
    ['x'.repeat(MIN_PASSWORD_LENGTH), 'x'.repeat(MIN_PASSWORD_LENGTH), 'anna@azienda.it', null],
    ['x'.repeat(MIN_PASSWORD_LENGTH - 1), 'x'.repeat(MIN_PASSWORD_LENGTH - 1), 'anna@azienda.it', /almeno 12/],
    ['x'.repeat(200), 'x'.repeat(200), 'anna@azienda.it', null],
    ['x'.repeat(201), 'x'.repeat(201), 'anna@azienda.it', /al massimo 200/],
    ['anna@azienda.it', 'anna@azienda.it', 'anna@azienda.it', /indirizzo email/],
    // A short name part is not searched for, but the whole address still is, in any case.
    ['ab@esempio.com', 'ab@esempio.com', 'ab@esempio.com', /indirizzo email/],
    ['AB@Esempio.com', 'AB@Esempio.com', 'ab@esempio.com', /indirizzo email/],
    ['la password di Anna!', 'la password di Anna!', 'anna@azienda.it', /indirizzo email/],
    // A short name part is too common a word to refuse.
    ['una bella giornata', 'una bella giornata', 'una@azienda.it', null],
    [good, 'tre parole lunghe!', 'anna@azienda.it', /non coincidono/],
  ])('%j (repeated %j, for %s) → %s', (password, repeated, email, problem) => {
    const result = passwordProblem(password, repeated, email);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});
