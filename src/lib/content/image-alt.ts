/*
 * Images in an article's text need a description (the "alt text required", as the cover's `coverAlt`):
 * `![](./foto.jpg)` would show nothing to a reader who cannot see it, and Astro builds it without a word.
 * Code (fenced blocks and `inline` spans) is left alone: a guide may show the syntax.
 */

const FENCE = /^\s*(```|~~~)/;
const IMAGE_WITHOUT_ALT = /!\[\s*\]\(/;

/** The 1-based lines of a Markdown/MDX text that hold an image with an empty description. */
export function imagesWithoutAlt(text: string): number[] {
  const lines: number[] = [];
  let fence: string | null = null;
  text.split(/\r?\n/).forEach((line, i) => {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (fence === null || marker === fence)) fence = fence === null ? marker : null;
    else if (fence === null && IMAGE_WITHOUT_ALT.test(line.replace(/`[^`]*`/g, ''))) lines.push(i + 1);
  });
  return lines;
}

export const IMAGE_ALT_MESSAGE =
  'un’immagine senza descrizione: tra le parentesi quadre scrivi che cosa mostra, per chi non la vede ' +
  '(per esempio `![Il team in riunione con un cliente](./riunione.jpg)`).';
