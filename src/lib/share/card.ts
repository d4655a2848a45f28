import { createHash } from 'node:crypto';
import { SITE } from '../../site.config.ts';

/** The share card's format: what LinkedIn, WhatsApp and Facebook show large. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;
/** Bump when the card changes (its look or its encoding, `build/share-image.ts`): every cached card is made again. */
export const CARD_TEMPLATE_VERSION = 3;
/** The band on the right that shows the article's cover, when it has one. */
export const COVER_WIDTH = 440;
/** The card's margin, around the title and the foot. */
export const CARD_PADDING = 64;
/** The orange band along the foot of the card, under the cover too. */
export const ACCENT_HEIGHT = 14;
/** The title's line height: the sizes below are chosen so that their lines fit at this height. */
export const TITLE_LINE_HEIGHT = 1.15;
/** Inter Bold's advance per character of Italian text, in em: on the high side, so the estimate never overflows. */
const AVERAGE_ADVANCE = 0.58;
/** Title sizes, largest first, with the lines each may take: big type for short titles, five small lines at most. */
const TITLE_SIZES = [
  { size: 72, lines: 3 },
  { size: 64, lines: 3 },
  { size: 56, lines: 4 },
  { size: 50, lines: 4 },
  { size: 44, lines: 4 },
  { size: 40, lines: 5 },
];

export interface CardText {
  /** The article's title (at most 120 characters), or the site's tagline. */
  title: string;
  /** The small line above it: a topic, or the method's name. */
  kicker: string;
  /** The brand at the foot of the card. */
  brand: string;
  /** The site's address, beside the brand. */
  domain: string;
}

/** The brand and the address at the foot of every card. */
export function siteCardText(site: URL): Pick<CardText, 'brand' | 'domain'> {
  return { brand: SITE.name, domain: site.hostname.replace(/^www\./, '') };
}

/** The width the title wraps in. */
export function titleWidth(withCover: boolean): number {
  return SHARE_IMAGE.width - 2 * CARD_PADDING - (withCover ? COVER_WIDTH : 0);
}

/** The largest title size whose estimated wrap fits its lines (the smallest for anything longer). */
export function titleSize(title: string, width: number): number {
  const lines = (size: number) => Math.ceil((title.length * AVERAGE_ADVANCE * size) / width);
  return (TITLE_SIZES.find((t) => lines(t.size) <= t.lines) ?? TITLE_SIZES.at(-1)!).size;
}

/**
 * The name of a card in the disk cache: a hash of everything that changes its pixels (the template's version,
 * the fonts' own hashes, the texts, the cover's hash), so an unchanged article never renders again.
 */
export function shareImageKey(input: { template: number; fonts: string[]; text: CardText; cover?: string }): string {
  const { template, fonts, text, cover } = input;
  return createHash('sha256')
    .update(JSON.stringify([template, fonts, text.title, text.kicker, text.brand, text.domain, cover ?? null]))
    .digest('hex')
    .slice(0, 32);
}

/** Where an article's card is published. */
export function articleCardPath(articleId: string): string {
  return `/og/blog/${articleId}.png`;
}

/** The card of every page that has none of its own. */
export const SITE_CARD_PATH = '/og/sito.png';
