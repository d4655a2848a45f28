import { describe, it, expect } from 'vitest';
import { COMMENT_LIMITS, commentPayloadSchema } from '../../../src/lib/comments/comment-schema.ts';

const good = {
  articolo: 'definizione-di-networking',
  nome: 'Anna',
  email: 'anna@example.it',
  commento: 'Bell’articolo.',
  privacy_version: '2026-11-29',
};

type Outcome = { value: unknown } | { error: string };
/** A rejection whose message is zod's own (Italian, from the locale), not the field's. */
const REJECTED = 'rejected';

/** What the schema makes of one field of an otherwise good comment: its value, or its first error. */
function outcome(field: string, value: unknown): Outcome {
  const input: Record<string, unknown> = { ...good, [field]: value };
  if (value === undefined) delete input[field];
  const result = commentPayloadSchema.safeParse(input);
  if (result.success) return { value: (result.data as Record<string, unknown>)[field] };
  const issue = result.error.issues[0];
  expect(issue.path).toEqual([field]);
  return { error: issue.message };
}

const x = (n: number) => 'x'.repeat(n);
const NOT_A_SITE = 'Inserisci un indirizzo che inizi con http:// o https://.';

/** A case's title: long values by their length. */
const show = (value: unknown) =>
  typeof value === 'string' && value.length > 40
    ? `"${value.slice(0, 20)}…" (${value.length} characters)`
    : (JSON.stringify(value) ?? 'absent');

describe('the comment schema, field by field', () => {
  it('accepts a good comment as it is', () => {
    expect(commentPayloadSchema.parse(good)).toEqual(good);
  });

  it('keeps its limits as WordPress has them', () => {
    expect(COMMENT_LIMITS).toEqual({ name: 245, email: 100, site: 200, text: 5000 });
  });

  describe.each<[string, [unknown, Outcome | typeof REJECTED][]]>([
    [
      'articolo',
      [
        ['a', { value: 'a' }],
        ['0-9', { value: '0-9' }],
        [`a${x(127)}`, { value: `a${x(127)}` }],
        [`a${x(128)}`, { error: 'Articolo non valido.' }],
        ['', { error: 'Articolo non valido.' }],
        ['-a', { error: 'Articolo non valido.' }],
        ['Networking', { error: 'Articolo non valido.' }],
        ['/a', { error: 'Articolo non valido.' }],
        ['a/', { error: 'Articolo non valido.' }],
        ['../../etc/passwd', { error: 'Articolo non valido.' }],
        [undefined, { error: 'Articolo mancante.' }],
        [42, { error: 'Articolo mancante.' }],
      ],
    ],
    [
      'risposta_a',
      [
        [undefined, { value: undefined }],
        ['', { value: undefined }],
        ['  ', { value: undefined }],
        ['3', { value: 3 }],
        [3, { value: 3 }],
        ['1', { value: 1 }],
        ['0', REJECTED],
        ['-2', REJECTED],
        ['1.5', REJECTED],
        ['uno', REJECTED],
      ],
    ],
    [
      'nome',
      [
        ['  Anna Bianchi ', { value: 'Anna Bianchi' }],
        ['A', { value: 'A' }],
        [x(245), { value: x(245) }],
        [` ${x(245)} `, { value: x(245) }],
        [x(246), { error: 'Al massimo 245 caratteri.' }],
        ['', { error: 'Inserisci il nome.' }],
        ['   ', { error: 'Inserisci il nome.' }],
        [undefined, { error: 'Inserisci il nome.' }],
      ],
    ],
    [
      'email',
      [
        [' Anna@Example.IT ', { value: 'anna@example.it' }],
        [`${x(89)}@esempio.it`, { value: `${x(89)}@esempio.it` }],
        [`${x(90)}@esempio.it`, { error: 'Al massimo 100 caratteri.' }],
        ['', { error: "Inserisci l'indirizzo email." }],
        ['  ', { error: "Inserisci l'indirizzo email." }],
        [undefined, { error: "Inserisci l'indirizzo email." }],
        ['anna@', { error: 'Inserisci un indirizzo email valido, per esempio nome@dominio.it.' }],
        ['anna.example.it', { error: 'Inserisci un indirizzo email valido, per esempio nome@dominio.it.' }],
      ],
    ],
    [
      'sito',
      [
        [undefined, { value: undefined }],
        ['', { value: undefined }],
        ['   ', { value: undefined }],
        ['https://esempio.it', { value: 'https://esempio.it' }],
        ['http://esempio.it/pagina?a=1', { value: 'http://esempio.it/pagina?a=1' }],
        ['HTTPS://ESEMPIO.IT', { value: 'HTTPS://ESEMPIO.IT' }],
        ['  https://esempio.it  ', { value: 'https://esempio.it' }],
        [`https://esempio.it/${x(181)}`, { value: `https://esempio.it/${x(181)}` }],
        [`https://esempio.it/${x(182)}`, { error: 'Al massimo 200 caratteri.' }],
        ['esempio.it', { error: NOT_A_SITE }],
        ['ftp://esempio.it', { error: NOT_A_SITE }],
        ['javascript:alert(1)', { error: NOT_A_SITE }],
        ['https://', { error: NOT_A_SITE }],
        ['https://.esempio.it', { error: NOT_A_SITE }],
        ['https:///esempio.it', { error: NOT_A_SITE }],
        ['https://es empio.it', { error: NOT_A_SITE }],
        ['https://esempio.it/a b', { error: NOT_A_SITE }],
        ['vedi https://esempio.it', { error: NOT_A_SITE }],
        // Valid URLs that hold an http address further on: only a site that starts with it is a site.
        ['javascript:alert(1)//https://esempio.it', { error: NOT_A_SITE }],
        ['ftp://esempio.it/?u=https://esempio.it', { error: NOT_A_SITE }],
        // Passes the pattern, but no browser could open it.
        ['https://[esempio', { error: NOT_A_SITE }],
        ['http://esempio.it:porta', { error: NOT_A_SITE }],
      ],
    ],
    [
      'commento',
      [
        ['Riga uno\r\nRiga due', { value: 'Riga uno\nRiga due' }],
        ['Riga uno\rRiga due', { value: 'Riga uno\nRiga due' }],
        ['Riga uno\n\r\nRiga due', { value: 'Riga uno\n\nRiga due' }],
        ['  spazi intorno \n', { value: 'spazi intorno' }],
        [x(5000), { value: x(5000) }],
        // 5,001 characters as sent, 5,000 once the line break is normalised.
        [`${x(4998)}\r\ny`, { value: `${x(4998)}\ny` }],
        [x(5001), { error: 'Il commento può avere al massimo 5000 caratteri.' }],
        ['', { error: 'Scrivi il commento.' }],
        [' \r\n ', { error: 'Scrivi il commento.' }],
        [undefined, { error: 'Scrivi il commento.' }],
      ],
    ],
    [
      'privacy_version',
      [
        [' 2026-11-29 ', { value: '2026-11-29' }],
        [x(40), { value: x(40) }],
        [x(41), REJECTED],
        ['  ', { error: "Manca la versione dell'informativa: ricarica la pagina." }],
        [undefined, REJECTED],
      ],
    ],
    [
      'idempotency_key',
      [
        [undefined, { value: undefined }],
        ['', { value: undefined }],
        [' ', { value: undefined }],
        [`Ab_-${x(12)}`, { value: `Ab_-${x(12)}` }],
        [x(64), { value: x(64) }],
        [x(15), REJECTED],
        [x(65), REJECTED],
        [`!${x(16)}`, REJECTED],
        [`${x(16)}!`, REJECTED],
        [`${x(8)} ${x(8)}`, REJECTED],
      ],
    ],
    [
      'start_token',
      [
        [undefined, { value: undefined }],
        [x(200), { value: x(200) }],
        [x(201), REJECTED],
      ],
    ],
    [
      'website',
      [
        [undefined, { value: undefined }],
        ['', { value: '' }],
        [x(2000), { value: x(2000) }],
        [x(2001), REJECTED],
      ],
    ],
  ])('%s', (field, cases) => {
    it.each(cases.map(([value, expected]) => [show(value), value, expected] as const))(
      '%s → %j',
      (_title, value, expected) => {
        const actual = outcome(field, value);
        if (expected === REJECTED) expect(actual).toHaveProperty('error');
        else expect(actual).toEqual(expected);
      },
    );
  });
});
