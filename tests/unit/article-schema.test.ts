import { describe, it, expect } from 'vitest';
import { z } from '../../src/lib/zod.ts';
import { createArticleSchema } from '../../src/lib/content/article-schema.ts';

// Astro's image() is replaced by a plain string so the schema runs without Astro.
const schema = createArticleSchema(() => z.string());

const good = {
  title: 'Definizione di Networking: cosa significa esattamente?',
  description: 'Il networking nasce come l’arte di “utilizzare” i contatti: noi proponiamo di attivarli.',
  pubDate: '2026-11-29',
  tags: ['networking'],
};

function firstIssue(data: unknown) {
  const result = schema.safeParse(data);
  if (result.success) throw new Error('expected the schema to reject the entry');
  return { path: result.error.issues[0].path.join('.'), message: result.error.issues[0].message };
}

describe('article frontmatter', () => {
  it('accepts a good entry and fills the defaults', () => {
    const data = schema.parse(good);
    expect(data.pubDate).toEqual(new Date('2026-11-29T00:00:00Z'));
    expect(data.draft).toBe(false);
    expect(data.author).toBe('Segnalazione Vincente');
  });

  describe.each([
    ['title', { title: undefined }, /./],
    ['title', { title: 'Ciao' }, /almeno 5 caratteri/],
    ['description', { description: 'Troppo corta.' }, /almeno 50 caratteri/],
    ['description', { description: 'x'.repeat(161) }, /al massimo 160 caratteri/],
    ['pubDate', { pubDate: 'ieri' }, /pubDate deve essere una data/],
    ['updatedDate', { updatedDate: '2026-11-01' }, /non può precedere pubDate/],
    ['tags', { tags: 'networking' }, /./],
    ['tags.0', { tags: ['x'] }, /almeno 2 caratteri/],
    ['draft', { draft: 'sì' }, /./],
    ['coverAlt', { cover: './copertina.jpg' }, /coverAlt è obbligatorio/],
  ])('rejects a bad %s', (field, change, message) => {
    it(`names the field and says what is wrong (${JSON.stringify(change)})`, () => {
      const issue = firstIssue({ ...good, ...change });
      expect(issue.path).toBe(field);
      expect(issue.message).toMatch(message);
    });
  });

  it('speaks Italian even where no custom message is set', () => {
    expect(firstIssue({ ...good, draft: 'sì' }).message).toMatch(/atteso|non valido/i);
  });
});
