import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  countLinks,
  commentsOpen,
  initials,
  avatarHue,
  paragraphs,
  isFlooding,
} from '../../../src/lib/comments/moderation.ts';
import { commentPayloadSchema } from '../../../src/lib/comments/comment-schema.ts';
import { heldCommentEmail } from '../../../src/lib/notify/comment-notification.ts';

describe('moderation rules', () => {
  it.each([
    ['no links here', 0],
    ['see https://a.it and http://b.it/x?y=1', 2],
    ['www.esempio.it e WWW.ALTRO.IT', 2],
    ['https://a.it https://b.it https://c.it', 3],
    ['one link that holds another: https://a.it/?u=www.b.it', 1],
    ['www.a.it/www.b.it', 1],
    ['ahttps://a.it and wwww.b.it are not words of their own', 0],
    ['https:// and www. with nothing after', 0],
  ])('counts links in %j', (text, n) => {
    expect(countLinks(text)).toBe(n);
  });

  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    [{ comments: true, pubDate: new Date('2020-01-01') }, 0, true],
    [{ comments: false, pubDate: new Date('2026-11-28') }, 0, false],
    [{ comments: true, pubDate: new Date('2026-11-01T12:00:00Z') }, 30, true],
    [{ comments: true, pubDate: new Date('2026-10-29T11:00:00Z') }, 30, false],
    // Exactly 30 days: still open; one millisecond more: closed.
    [{ comments: true, pubDate: new Date('2026-10-30T12:00:00Z') }, 30, true],
    [{ comments: true, pubDate: new Date('2026-10-30T11:59:59.999Z') }, 30, false],
    [{ comments: true, pubDate: new Date('2020-01-01') }, -1, true],
    [{ comments: false, pubDate: new Date('2026-11-29') }, 30, false],
  ])('comments open for %j after %i days: %s', (article, days, open) => {
    expect(commentsOpen(article, days, now)).toBe(open);
  });
});

describe('flood guard', () => {
  const now = new Date('2026-11-29T12:00:10Z');
  it.each<[string, string | null, number, number, boolean]>([
    ['same email 5 s ago, 15 s guard', '2026-11-29T12:00:05Z', 15, 0, true],
    ['same email 20 s ago', '2026-11-29T11:59:50Z', 15, 0, false],
    ['client seen within the window', null, 15, 12, true],
    ['no earlier comment, client not seen', null, 15, 0, false],
    ['same email exactly 15 s ago', '2026-11-29T11:59:55Z', 15, 0, false],
    ['same email 14.999 s ago', '2026-11-29T11:59:55.001Z', 15, 0, true],
    ['a date that cannot be read', 'ieri', 15, 0, false],
    // Regression: 0 s still consulted the client counter, refusing same-millisecond comments under load.
    ['guard off, client counter says wait', '2026-11-29T12:00:10Z', 0, 1, false],
  ])('%s', async (_name, last, seconds, wait, expected) => {
    let hits = 0;
    expect(await isFlooding(last, now, seconds, () => (hits++, wait))).toBe(expected);
    if (seconds === 0) expect(hits).toBe(0);
  });
});

describe('display helpers', () => {
  it.each([
    ['Mario Rossi', 'MR'],
    ['anna', 'AN'],
    ['Maria de Filippi', 'MF'],
    ['  ', '?'],
    ['', '?'],
    ['Élodie', 'ÉL'],
    ['  anna  ', 'AN'],
    [' Mario\t \nRossi ', 'MR'],
    ['A', 'A'],
  ])('initials of %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  // A reader's avatar keeps its colour from one release to the next: these values are part of the page.
  it.each([
    ['', 0],
    ['A', 65],
    ['Mario Rossi', 320],
    ['Anna', 112],
    ['Élodie', 260],
  ])('gives %j the hue %i', (name, hue) => {
    expect(avatarHue(name)).toBe(hue);
  });

  it('gives any name a whole hue from 0 to 359', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const hue = avatarHue(name);
        return Number.isInteger(hue) && hue >= 0 && hue < 360;
      }),
    );
  });

  it.each<[string, string[][]]>([
    ['Primo\nsegue\n\n\nSecondo\n \n', [['Primo', 'segue'], ['Secondo']]],
    ['Primo\n\nSecondo', [['Primo'], ['Secondo']]],
    [' \nPrimo', [[' ', 'Primo']]],
    ['   ', []],
    ['', []],
  ])('splits %j into paragraphs and lines', (text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});

describe('the comment schema', () => {
  const good = {
    articolo: 'definizione-di-networking',
    nome: 'Anna',
    email: 'Anna@Example.IT',
    commento: 'Riga uno\r\nRiga due',
    privacy_version: '1',
  };

  it('normalises email and line breaks; an empty site is no site', () => {
    expect(commentPayloadSchema.parse({ ...good, sito: ' ' })).toMatchObject({
      email: 'anna@example.it',
      commento: 'Riga uno\nRiga due',
      sito: undefined,
    });
  });

  it.each([
    ['sito', 'ftp://example.it'],
    ['sito', 'javascript:alert(1)'],
    ['sito', 'https://'],
    ['articolo', '../../etc/passwd'],
    ['risposta_a', 'uno'],
  ])('rejects %s = %j', (field, value) => {
    const result = commentPayloadSchema.safeParse({ ...good, [field]: value });
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});

describe('the moderators email', () => {
  it('escapes the commenter’s words and keeps the subject on one line', () => {
    const mail = heldCommentEmail({
      id: 7,
      articleTitle: 'Titolo',
      name: 'Eve\r\nBcc: x@y.z',
      email: 'eve@example.it',
      text: '<img src=x onerror=alert(1)>',
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain('npm run comments -- approve 7');
  });
});
