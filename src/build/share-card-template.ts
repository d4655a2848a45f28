import {
  ACCENT_HEIGHT,
  CARD_PADDING as PADDING,
  COVER_WIDTH,
  SHARE_IMAGE,
  TITLE_LINE_HEIGHT,
  titleSize,
  titleWidth,
  type CardText,
} from '../lib/share/card.ts';

/*
 * The card's look as satori elements: the colours, type and spacing a designer would change, kept out of
 * `src/lib` like a stylesheet (its decisions, the title's size and wrap width, are in `lib/share/card.ts` and
 * mutation-tested there). Change anything here and bump `CARD_TEMPLATE_VERSION` so the cached cards are redone.
 */

/** A satori element: the subset of React's shape that satori reads. */
export interface CardNode {
  type: 'div';
  props: { style: Record<string, string | number>; children?: (CardNode | string)[] | string };
}

const div = (style: CardNode['props']['style'], children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/**
 * The card as satori elements. The title gets an explicit width and wraps (satori lets long text, and Italian
 * curly quotes, overflow otherwise); a cover, when there is one, is laid over the right band afterwards.
 */
export function shareCard(text: CardText, withCover: boolean): CardNode {
  const width = titleWidth(withCover);
  const size = titleSize(text.title, width);
  return div(
    {
      width: SHARE_IMAGE.width,
      height: SHARE_IMAGE.height,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#0f2d52',
      backgroundImage: 'linear-gradient(160deg, #0f2d52 0%, #163f70 100%)',
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      div({ display: 'flex', flexGrow: 1 }, [
        div(
          {
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'space-between',
            flexGrow: 1,
            paddingTop: PADDING - 8,
            paddingBottom: PADDING - 16,
            paddingLeft: PADDING,
            paddingRight: PADDING,
          },
          [
            div({ display: 'flex', fontSize: 28, fontWeight: 700, letterSpacing: 2, color: '#ffd2b5' }, text.kicker),
            div(
              {
                display: 'flex',
                flexWrap: 'wrap',
                width,
                fontSize: size,
                fontWeight: 700,
                lineHeight: TITLE_LINE_HEIGHT,
              },
              text.title,
            ),
            // Beside a cover the address would push the brand onto two lines: the brand alone is enough.
            div({ display: 'flex', alignItems: 'center', fontSize: 30 }, [
              div({ width: 20, height: 20, marginRight: 16, borderRadius: 10, backgroundColor: '#f08a4b' }),
              div({ fontWeight: 700, marginRight: 20 }, text.brand),
              ...(withCover ? [] : [div({ color: '#c9d5e4', fontSize: 26 }, text.domain)]),
            ]),
          ],
        ),
        ...(withCover ? [div({ width: COVER_WIDTH, flexShrink: 0 })] : []),
      ]),
      div({ height: ACCENT_HEIGHT, backgroundColor: '#f08a4b' }),
    ],
  );
}
