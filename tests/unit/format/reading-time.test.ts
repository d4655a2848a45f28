import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countWords, readingMinutes } from '../../../src/lib/format/reading-time.ts';

describe('countWords', () => {
  it.each([
    ['plain words', 'Il networking nasce come arte', 5],
    ['import and export lines', "import X from './x.ts';\nexport const a = 1;\nTesto", 1],
    ['an import mentioned in a sentence', 'Qui si parla di import e export', 7],
    ['"importante" is a word', 'importante parola', 2],
    ['an import at the end, no line break', "Testo\nimport X from './x.ts';", 1],
    ['a tag between words', 'prima<br/>dopo', 2],
    ['a component with attributes', '<Definizione tipo="nuova e vecchia">due parole</Definizione>', 2],
    ['an expression between words', 'uno{frontmatter.title}due', 2],
    ['an expression with spaces', 'Scritto da {autore e data}', 2],
    ['a link: its text only', '[Leggi](/blog/definizione-di-networking/)', 1],
    ['a link of two words', 'vedi [due parole](/blog/un-articolo-lungo/) qui', 4],
    ['an image: its alt text', '![una stretta di mano](/foto-della-stretta.jpg)', 4],
    ['headings, emphasis, quotes, code', '## Titolo\n> **forte** _corsivo_ `codice` ~barrato~ | cella', 6],
    ['hyphenated words, as two', 'auto-mutuo', 2],
    ['each mark separates words', 'a#b a*b a_b a`b a>b a~b a|b a-b', 16],
    ['marks without words', '— … € ### ---', 0],
    ['numbers', 'Nel 2026 100 aziende', 4],
    ['runs of spaces and lines', '  uno \n\n\t due   tre  ', 3],
    ['nothing', '', 0],
  ])('%s: %j → %i', (_name, mdx, words) => {
    expect(countWords(mdx)).toBe(words);
  });

  it('counts each word of plain prose once, however it is spaced', () => {
    const word = fc.stringMatching(/^[a-zàèéìòù]{1,12}$/);
    const space = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, space), { minLength: 1 }), (parts) => {
        return countWords(parts.map(([w, s]) => w + s).join('')) === parts.length;
      }),
    );
  });
});

describe('readingMinutes', () => {
  it.each([
    [0, 1],
    [1, 1],
    [199, 1],
    [200, 1],
    [201, 2],
    [400, 2],
    [401, 3],
  ])('%i words → %i min', (words, minutes) => {
    expect(readingMinutes('parola '.repeat(words))).toBe(minutes);
  });
});
