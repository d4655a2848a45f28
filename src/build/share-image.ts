import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import {
  ACCENT_HEIGHT,
  CARD_TEMPLATE_VERSION,
  COVER_WIDTH,
  SHARE_IMAGE,
  shareImageKey,
  type CardText,
} from '../lib/share/card.ts';
import { shareCard } from './share-card-template.ts';

/*
 * Share cards: satori lays the card out as SVG with our own font files (Inter, SIL OFL, `fonts/`: no font is
 * downloaded), sharp turns it into a palette PNG and lays the cover over its
 * right band. Each card is kept on disk under the hash of all it depends on, so a build only renders the
 * cards that changed; the cache lives beside Astro's own, in `node_modules/.astro`.
 */

const font = (weight: 400 | 700) => {
  const data = readFileSync(new URL(`./fonts/inter-latin-${weight}-normal.woff`, import.meta.url));
  return { name: 'Inter', weight, style: 'normal' as const, data };
};
const FONTS = [font(400), font(700)];
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const FONT_HASHES = FONTS.map((f) => sha256(f.data));

async function render(text: CardText, cover: Buffer | undefined): Promise<Buffer> {
  const svg = await satori(shareCard(text, Boolean(cover)) as never, { ...SHARE_IMAGE, fonts: FONTS });
  const card = sharp(Buffer.from(svg));
  if (cover) {
    const band = await sharp(cover)
      .resize(COVER_WIDTH, SHARE_IMAGE.height - ACCENT_HEIGHT, { fit: 'cover' })
      .toBuffer();
    card.composite([{ input: band, left: SHARE_IMAGE.width - COVER_WIDTH, top: 0 }]);
  }
  // Quantised to a palette with the least effort: ~40 KB and ~70 ms a card, where full colour is ~80 KB and the
  // best palette ~27 KB but ~90 ms.
  return card.png({ palette: true, quality: 90, effort: 1 }).toBuffer();
}

/**
 * The file of the card for `text` (with the image at `coverPath` on its right, when given) in the cache
 * folder `cacheDir`, made first if it is not there; `made` says whether it had to be.
 */
export async function shareImageFile(
  cacheDir: string,
  text: CardText,
  coverPath?: string,
): Promise<{ file: string; made: boolean }> {
  const cover = coverPath ? await readFile(coverPath) : undefined;
  const key = shareImageKey({
    template: CARD_TEMPLATE_VERSION,
    fonts: FONT_HASHES,
    text,
    cover: cover && sha256(cover),
  });
  const file = path.join(cacheDir, `${key}.png`);
  try {
    await access(file);
    return { file, made: false };
  } catch {
    // Not made yet.
  }
  const png = await render(text, cover);
  await mkdir(cacheDir, { recursive: true });
  // Written whole, then renamed: a build running at the same time never copies half a card.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
  return { file, made: true };
}
