import { describe, it, expect } from 'vitest';
import { pageSchema } from '../../../src/lib/content/page-schema.ts';

const good = { title: 'Informativa', description: 'Come trattiamo i tuoi dati personali.' };
const x = (n: number) => 'x'.repeat(n);

describe('page frontmatter', () => {
  it('accepts a good page and marks it approved unless told otherwise', () => {
    expect(pageSchema.parse(good)).toEqual({ ...good, pendingLegalReview: false });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a title of 3 characters, trimmed', { title: ' FAQ ' }, { title: 'FAQ' }],
    ['a description of 20 characters, trimmed', { description: ` ${x(20)} ` }, { description: x(20) }],
    ['a description of 160 characters', { description: x(160) }, { description: x(160) }],
    ['a version, trimmed', { version: ' 2026-11-29 ' }, { version: '2026-11-29' }],
    ['a date of change', { updatedDate: '2026-11-29' }, { updatedDate: new Date('2026-11-29T00:00:00Z') }],
    ['a text pending legal review', { pendingLegalReview: true }, { pendingLegalReview: true }],
  ])('accepts %s', (_name, change, expected) => {
    expect(pageSchema.parse({ ...good, ...change })).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a title of 2 characters once trimmed', { title: ' Ok ' }, 'title'],
    ['a description of 19 characters once trimmed', { description: ` ${x(19)} ` }, 'description'],
    ['a description of 161 characters', { description: x(161) }, 'description'],
    ['a blank version', { version: '   ' }, 'version'],
    ['a date that is no date', { updatedDate: 'ieri' }, 'updatedDate'],
  ])('rejects %s, naming the field', (_name, change, field) => {
    const result = pageSchema.safeParse({ ...good, ...change });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});
