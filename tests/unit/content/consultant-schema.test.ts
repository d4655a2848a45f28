import { describe, it, expect } from 'vitest';
import { z } from 'astro/zod';
import { createConsultantSchema } from '../../../src/lib/content/consultant-schema.ts';

const schema = createConsultantSchema(() => z.string());
const good = { nome: 'Marco Bianchi', ruolo: 'consulente per le reti di segnalazione' };

describe('the consultant', () => {
  it('is a name and a role; the photo and a short introduction are optional', () => {
    expect(schema.parse(good)).toEqual(good);
    const full = { ...good, foto: './marco.jpg', presentazione: 'Ti chiamo io: in venti minuti vediamo insieme.' };
    expect(schema.parse(full)).toEqual(full);
    expect(schema.parse({ ...good, presentazione: 'x'.repeat(240) }).presentazione).toHaveLength(240);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['without a name', { nome: ' ' }, 'nome', ''],
    ['without a role', { ruolo: undefined }, 'ruolo', ''],
    ['with an introduction over 240 characters', { presentazione: 'x'.repeat(241) }, 'presentazione', '240 caratteri'],
    ['with an empty introduction', { presentazione: '  ' }, 'presentazione', ''],
    ['with a key that does not exist', { Foto: './marco.jpg' }, '', 'Foto'],
  ])('is refused %s, naming the field', (_, change, field, message) => {
    const result = schema.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path.join('.')).toBe(field);
    expect(issue.message).toContain(message);
  });
});
