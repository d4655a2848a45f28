import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import regular from './fonts/inter-latin-400-normal.woff?inline';
import bold from './fonts/inter-latin-700-normal.woff?inline';
import {
  ACCENT_HEIGHT,
  CARD_TEMPLATE_VERSION,
  COVER_WIDTH,
  SHARE_IMAGE,
  shareCard,
  shareImageKey,
  type CardText,
} from '../lib/share/card.ts';

/*
 * Share cards, made at build time: satori lays the card out as SVG with our own font files (Inter, SIL OFL,
 * `fonts/`: no font is downloaded), sharp turns it into a PNG and lays the cover over its right band. A card is
 * kept on disk under the hash of all it depends on, so a build only renders the articles that changed (~45 ms
 * each here); the cache lives beside Astro's own (`node_modules/.astro`), which every build runs from.
 */

const CACHE_DIR = path.join(process.cwd(), 'node_modules/.astro/share-images');
const fontData = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
const FONTS = [
  { name: 'Inter', weight: 400 as const, style: 'normal' as const, data: fontData(regular) },
  { name: 'Inter', weight: 700 as const, style: 'normal' as const, data: fontData(bold) },
];
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const FONT_HASHES = FONTS.map((font) => sha256(font.data));

/** What the build reports at its end (`integrations/share-images-report.ts`); shared across module copies. */
export interface ShareImageStats {
  made: number;
  cached: number;
  renderMs: number;
}
const stats: ShareImageStats = ((globalThis as { __svShareImages?: ShareImageStats }).__svShareImages ??= {
  made: 0,
  cached: 0,
  renderMs: 0,
});

async function render(text: CardText, cover: Buffer | undefined): Promise<Buffer> {
  const svg = await satori(shareCard(text, Boolean(cover)) as never, { ...SHARE_IMAGE, fonts: FONTS });
  const card = sharp(Buffer.from(svg));
  if (cover) {
    const band = await sharp(cover)
      .resize(COVER_WIDTH, SHARE_IMAGE.height - ACCENT_HEIGHT, { fit: 'cover' })
      .toBuffer();
    card.composite([{ input: band, left: SHARE_IMAGE.width - COVER_WIDTH, top: 0 }]);
  }
  return card.png().toBuffer();
}

/** The card for `text`, with the image file at `coverPath` on its right when given: from the cache, or made. */
export async function shareImage(text: CardText, coverPath?: string): Promise<Buffer> {
  const cover = coverPath ? await readFile(coverPath) : undefined;
  const key = shareImageKey({
    template: CARD_TEMPLATE_VERSION,
    fonts: FONT_HASHES,
    text,
    cover: cover && sha256(cover),
  });
  const file = path.join(CACHE_DIR, `${key}.png`);
  try {
    const png = await readFile(file);
    stats.cached++;
    return png;
  } catch {
    // Not made yet.
  }
  const started = performance.now();
  const png = await render(text, cover);
  stats.renderMs += performance.now() - started;
  stats.made++;
  await mkdir(CACHE_DIR, { recursive: true });
  // Written whole, then renamed: a build running at the same time never reads half a card.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}

/** The response for a card route. */
export function pngResponse(png: Buffer): Response {
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
