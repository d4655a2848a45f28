import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CARD_TEMPLATE_VERSION, shareImageKey, type CardText } from '../lib/share/card.ts';

/*
 * Share cards: satori lays the card out as SVG with our own font files (Inter, SIL OFL, `fonts/`: no font is
 * downloaded), sharp turns it into a palette PNG and lays the cover over its right band
 * (`share-image-render.ts`). Each card is kept on disk under the hash of all it depends on, so a build only
 * renders the cards that changed; the cache lives beside Astro's own, in `node_modules/.astro`.
 */

/** One of the card's two Inter files. */
export const fontFile = (weight: 400 | 700) => new URL(`./fonts/inter-latin-${weight}-normal.woff`, import.meta.url);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const FONT_HASHES = ([400, 700] as const).map((weight) => sha256(readFileSync(fontFile(weight))));

/** What a card needs: its texts, and the cover's bytes when it has one. */
export interface CardSource {
  text: CardText;
  cover?: Buffer;
}

/**
 * The file of the card for `text` (with the image at `coverPath` on its right, when given) in the cache
 * folder `cacheDir`, and whether it is there yet.
 */
export async function cachedShareImage(
  cacheDir: string,
  text: CardText,
  coverPath?: string,
): Promise<{ file: string; cached: boolean; source: CardSource }> {
  const cover = coverPath ? await readFile(coverPath) : undefined;
  const key = shareImageKey({
    template: CARD_TEMPLATE_VERSION,
    fonts: FONT_HASHES,
    text,
    cover: cover && sha256(cover),
  });
  const file = path.join(cacheDir, `${key}.png`);
  const cached = await access(file).then(
    () => true,
    () => false,
  );
  return { file, cached, source: { text, cover } };
}

/** Renders a card into `file` (a name from `cachedShareImage`), written whole then renamed. */
export async function makeShareImage(file: string, source: CardSource): Promise<void> {
  // Loaded on the first card to make: satori and sharp take ~0.3 s to load, which a build whose cards are all
  // cached (and `astro dev`) never needs.
  const { renderShareImage } = await import('./share-image-render.ts');
  const png = await renderShareImage(source.text, source.cover);
  await mkdir(path.dirname(file), { recursive: true });
  // A build running at the same time never copies half a card.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
}
