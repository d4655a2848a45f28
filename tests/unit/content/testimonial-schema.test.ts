import { describe, it, expect } from 'vitest';
import { z } from 'astro/zod';
import { createTestimonialSchema, pickTestimonials } from '../../../src/lib/content/testimonial-schema.ts';

const schema = createTestimonialSchema(() => z.string());
const good = {
  nome: 'Carla Conti',
  ruolo: 'Titolare',
  azienda: 'Conti Impianti Srl',
  citazione: 'Clienti nuovi, già ben disposti.',
  consensoPubblicazione: '2026-11-20',
};

describe('a testimonial', () => {
  it('is accepted with its consent date, a photo optional, first by default', () => {
    expect(schema.parse(good)).toEqual({ ...good, consensoPubblicazione: new Date('2026-11-20'), ordine: 0 });
    expect(schema.parse({ ...good, foto: './carla.jpg' }).foto).toBe('./carla.jpg');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['without the consent date', { consensoPubblicazione: undefined }, 'consensoPubblicazione', 'consenso'],
    ['with a consent date that is no date', { consensoPubblicazione: 'ieri' }, 'consensoPubblicazione', 'consenso'],
    ['with a quote over 400 characters', { citazione: 'x'.repeat(401) }, 'citazione', '400 caratteri'],
    ['without a name', { nome: ' ' }, 'nome', ''],
  ])('is refused %s, naming the field', (_, change, field, message) => {
    const result = schema.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
    expect(result.error?.issues[0].message).toContain(message);
  });
});

describe('pickTestimonials', () => {
  it('orders by `ordine`, then by name, and keeps at most the limit', () => {
    const all = [
      { nome: 'Zeno', ordine: 0 },
      { nome: 'Anna', ordine: 1 },
      { nome: 'Bruno', ordine: 0 },
      { nome: 'Carlo', ordine: 2 },
    ];
    expect(pickTestimonials(all).map((t) => t.nome)).toEqual(['Bruno', 'Zeno', 'Anna']);
    expect(pickTestimonials(all, 1).map((t) => t.nome)).toEqual(['Bruno']);
  });
});
