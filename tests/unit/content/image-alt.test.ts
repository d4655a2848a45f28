import { describe, it, expect } from 'vitest';
import { IMAGE_ALT_MESSAGE, imagesWithoutAlt } from '../../../src/lib/content/image-alt.ts';

describe('images without a description in an article’s text', () => {
  it.each<[string, string, number[]]>([
    ['an empty description', '![](./foto.jpg)', [1]],
    ['a description of spaces only', 'testo ![  ](./foto.jpg) testo', [1]],
    ['a described image', '![Il team in riunione](./foto.jpg)', []],
    ['a link, not an image', '[](https://example.it) e [testo](./a.jpg)', []],
    ['an image on the third line, CRLF', 'uno\r\ndue\r\n![](./foto.jpg)', [3]],
    ['two lines with empty ones', '![](a.jpg)\n![ok](b.jpg)\n![](c.jpg)', [1, 3]],
    ['inline code showing the syntax', 'scrivi `![](./foto.jpg)` così', []],
    ['inline code beside a real one', '`x` ![](./foto.jpg)', [1]],
    ['a fenced code block', '```md\n![](./foto.jpg)\n```\n![](b.jpg)', [4]],
    ['a tilde fence', '~~~\n![](a.jpg)\n~~~', []],
    ['a ``` line inside a ~~~ fence does not close it', '~~~\n```\n![](a.jpg)\n~~~\n![](b.jpg)', [5]],
    ['an indented fence', '  ```\n![](a.jpg)\n  ```', []],
    ['``` inside a line opens no fence', 'vedi ```\n![](a.jpg)', [2]],
  ])('%s', (_, text, lines) => {
    expect(imagesWithoutAlt(text)).toEqual(lines);
  });
});

it('tells the author what is missing and shows a described image to copy', () => {
  expect(IMAGE_ALT_MESSAGE).toMatch(/^un’immagine senza descrizione: /);
  const example = /`(!\[[^\]]+\]\(\.\/[^)]+\))`/.exec(IMAGE_ALT_MESSAGE)?.[1];
  expect(example && imagesWithoutAlt(example)).toEqual([]);
});
