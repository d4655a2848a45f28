import type { APIRoute } from 'astro';
import { pngResponse, shareImage } from '../../build/share-image.ts';
import { siteCardText } from '../../lib/share/card.ts';

/** The card of the pages that have none of their own. */
export const GET: APIRoute = async ({ site }) =>
  pngResponse(
    await shareImage({
      ...siteCardText(site!),
      title: 'Clienti nuovi dalle persone giuste: una rete di segnalazione per la tua azienda',
      kicker: 'PUBLIC RELATION REFERENZIALE',
    }),
  );
