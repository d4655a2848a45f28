import { readFileSync } from 'node:fs';
import satori from 'satori';
import sharp from 'sharp';
import { ACCENT_HEIGHT, COVER_WIDTH, SHARE_IMAGE, type CardText } from '../lib/share/card.ts';
import { shareCard } from './share-card-template.ts';
import { fontFile } from './share-image.ts';

let fonts: { name: string; weight: 400 | 700; style: 'normal'; data: Buffer }[] | undefined;

/** The card as a palette PNG: satori's SVG of the template, the cover laid over its right band. */
export async function renderShareImage(text: CardText, cover: Buffer | undefined): Promise<Buffer> {
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    weight,
    style: 'normal' as const,
    data: readFileSync(fontFile(weight)),
  }));
  const svg = await satori(shareCard(text, Boolean(cover)) as never, { ...SHARE_IMAGE, fonts });
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
