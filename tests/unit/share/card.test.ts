import { describe, it, expect } from 'vitest';
import {
  articleCardPath,
  CARD_TEMPLATE_VERSION,
  COVER_WIDTH,
  SHARE_IMAGE,
  shareImageKey,
  siteCardText,
  SITE_CARD_PATH,
  titleSize,
  titleWidth,
  type CardText,
} from '../../../src/lib/share/card.ts';
import { shareCard, type CardNode } from '../../../src/build/share-card-template.ts';

const text: CardText = {
  title: 'Definizione di Networking: cosa significa esattamente?',
  kicker: 'NETWORKING',
  brand: 'Segnalazione Vincente',
  domain: 'segnalazionevincente.com',
};
/** The longest title the schema accepts, with Italian curly quotes. */
const LONGEST =
  '“Segnalazioni” che portano clienti: perché l’imprenditore che serve la comunità riceve più fiducia di chi vende'
    .padEnd(120, ' x')
    .slice(0, 120);

/** Every node of the tree, depth first. */
function nodes(node: CardNode | string): CardNode[] {
  if (typeof node === 'string') return [];
  const children = node.props.children;
  return [node, ...(Array.isArray(children) ? children.flatMap(nodes) : [])];
}
const texts = (card: CardNode) =>
  nodes(card).flatMap((n) => (typeof n.props.children === 'string' ? [n.props.children] : []));

describe('the share card', () => {
  it('is 1200×630, the large card LinkedIn and WhatsApp show', () => {
    expect(SHARE_IMAGE).toEqual({ width: 1200, height: 630 });
    const card = shareCard(text, false);
    expect([card.props.style.width, card.props.style.height]).toEqual([1200, 630]);
  });

  it.each([
    [false, 1072],
    [true, 1072 - COVER_WIDTH],
  ])('wraps the title in a set width (cover: %s → %i px), never past the card', (withCover, width) => {
    expect(titleWidth(withCover)).toBe(width);
    const title = nodes(shareCard({ ...text, title: LONGEST }, withCover)).find((n) => n.props.children === LONGEST)!;
    expect(title.props.style).toMatchObject({ width, flexWrap: 'wrap', display: 'flex' });
  });

  it.each([
    ['Un titolo breve', 1072, 72],
    [text.title, 1072, 72],
    [text.title, 632, 56],
    [LONGEST, 1072, 56],
    [LONGEST, 632, 40],
    ['x'.repeat(400), 632, 40],
    ['x'.repeat(80), 1072, 64],
    ['x'.repeat(50), 632, 64],
    ['x'.repeat(85), 632, 50],
    ['x'.repeat(95), 632, 44],
  ])('sizes %j in %i px at %i px', (title, width, size) => {
    expect(titleSize(title, width)).toBe(size);
  });

  it('fits the longest title in five lines of its width, by the estimate the sizes use, and in the card', () => {
    for (const width of [titleWidth(false), titleWidth(true)]) {
      const size = titleSize(LONGEST, width);
      const lines = Math.ceil((LONGEST.length * 0.58 * size) / width);
      expect(lines).toBeLessThanOrEqual(5);
      // Kicker, footer and margins leave ~400 px for the title.
      expect(lines * size * 1.15).toBeLessThanOrEqual(400);
    }
  });

  it('shows the kicker, the title, the brand and the address; beside a cover, the brand alone', () => {
    expect(texts(shareCard(text, false))).toEqual([text.kicker, text.title, text.brand, text.domain]);
    const withCover = shareCard(text, true);
    expect(texts(withCover)).toEqual([text.kicker, text.title, text.brand]);
    expect(nodes(withCover).some((n) => n.props.style.width === COVER_WIDTH)).toBe(true);
  });

  it('takes the brand and the address from the site', () => {
    expect(siteCardText(new URL('https://www.segnalazionevincente.com'))).toEqual({
      brand: 'Segnalazione Vincente',
      domain: 'segnalazionevincente.com',
    });
    expect(siteCardText(new URL('http://localhost:4321')).domain).toBe('localhost');
    // Only a leading www. goes.
    expect(siteCardText(new URL('https://nuovowww.esempio.it')).domain).toBe('nuovowww.esempio.it');
  });

  it('publishes each card at a path of its own', () => {
    expect(articleCardPath('definizione-di-networking')).toBe('/og/blog/definizione-di-networking.png');
    expect(SITE_CARD_PATH).toBe('/og/sito.png');
  });
});

describe('the cache key of a card', () => {
  const base = { template: CARD_TEMPLATE_VERSION, fonts: ['a1', 'b2'], text };
  it('is the same for the same card', () => {
    expect(shareImageKey(base)).toBe(shareImageKey({ ...base, text: { ...text } }));
    expect(shareImageKey(base)).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['the template', { ...base, template: CARD_TEMPLATE_VERSION + 1 }],
    ['a font', { ...base, fonts: ['a1', 'b3'] }],
    ['the title', { ...base, text: { ...text, title: `${text.title} ` } }],
    ['the kicker', { ...base, text: { ...text, kicker: 'VENDITE' } }],
    ['the brand', { ...base, text: { ...text, brand: 'Altro' } }],
    ['the address', { ...base, text: { ...text, domain: 'localhost' } }],
    ['a cover', { ...base, cover: 'c0ffee' }],
  ])('changes with %s', (_name, input) => {
    expect(shareImageKey(input)).not.toBe(shareImageKey(base));
  });

  it('does not mistake fields that run into each other', () => {
    expect(shareImageKey({ ...base, text: { ...text, title: 'ab', kicker: 'c' } })).not.toBe(
      shareImageKey({ ...base, text: { ...text, title: 'a', kicker: 'bc' } }),
    );
  });
});
