import { describe, it, expect } from 'vitest';
import { z } from '../../../src/lib/zod.ts';
import { createArticleSchema } from '../../../src/lib/content/article-schema.ts';

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
    ['head.0.tag', { head: [{ tag: 'script', content: 'x' }] }, /meta, link oppure title/],
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

describe('article frontmatter at the edge of each rule', () => {
  const x = (n: number) => 'x'.repeat(n);

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a title of 5 characters, trimmed', { title: '  Ciao!  ' }, { title: 'Ciao!' }],
    ['a title of 120 characters', { title: x(120) }, { title: x(120) }],
    ['a description of 50 characters', { description: x(50) }, { description: x(50) }],
    ['a description of 160 characters, trimmed', { description: ` ${x(160)} ` }, { description: x(160) }],
    ['an update on the day of publication', { updatedDate: '2026-11-29' }, { updatedDate: new Date('2026-11-29') }],
    ['an author of 2 characters', { author: ' Al ' }, { author: 'Al' }],
    ['an author of many', { author: 'Mario Rossi' }, { author: 'Mario Rossi' }],
    [
      '8 tags, trimmed',
      { tags: [' vendite ', ...'abcdefg'.split('').map((c) => c + c)] },
      { tags: ['vendite', 'aa', 'bb', 'cc', 'dd', 'ee', 'ff', 'gg'] },
    ],
    ['no tags', { tags: undefined }, { tags: [] }],
    [
      'a cover with its text',
      { cover: './c.jpg', coverAlt: ' Una stretta di mano ' },
      { coverAlt: 'Una stretta di mano' },
    ],
    ['nothing about comments: open', {}, { comments: true, draft: false }],
    ['comments closed, a draft', { comments: false, draft: true }, { comments: false, draft: true }],
  ])('accepts %s', (_name, change, expected) => {
    expect(schema.parse({ ...good, ...change })).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a title of 4 characters once trimmed',
      { title: '  Ciao  ' },
      'title',
      'Il titolo deve avere almeno 5 caratteri.',
    ],
    ['a title of 121 characters', { title: x(121) }, 'title', 'Il titolo deve avere al massimo 120 caratteri.'],
    [
      'a description of 49 characters once trimmed',
      { description: ` ${x(49)} ` },
      'description',
      'La descrizione deve avere almeno 50 caratteri.',
    ],
    [
      'an updatedDate that is no date',
      { updatedDate: 'domani' },
      'updatedDate',
      'updatedDate deve essere una data, per esempio 2026-11-30.',
    ],
    [
      'an update one second before publication',
      { pubDate: '2026-11-29T00:00:01Z', updatedDate: '2026-11-29T00:00:00Z' },
      'updatedDate',
      'updatedDate non può precedere pubDate.',
    ],
    ['an author of 1 character once trimmed', { author: ' A ' }, 'author', "Indica l'autore (author)."],
    ['a tag of 1 character once trimmed', { tags: [' x '] }, 'tags.0', 'Ogni tag deve avere almeno 2 caratteri.'],
    ['9 tags', { tags: 'abcdefghi'.split('').map((c) => c + c) }, 'tags', 'Al massimo 8 tag per articolo.'],
    [
      'a cover whose text is blank',
      { cover: './c.jpg', coverAlt: '   ' },
      'coverAlt',
      "coverAlt è obbligatorio quando c'è un'immagine di copertina.",
    ],
  ])('rejects %s', (_name, change, path, message) => {
    expect(firstIssue({ ...good, ...change })).toEqual({ path, message });
  });
});
