import type { CardText } from '../lib/share/card.ts';

/** A share card a page links to: where it is published, what it shows, the cover's file if any. */
export interface CardRequest {
  path: string;
  text: CardText;
  coverPath?: string;
}

/*
 * Pages ask for their card while they are prerendered; `integrations/share-cards.ts` makes or copies them all
 * once the pages are built. Astro prerenders in the build's own process, so the list is shared through
 * `globalThis` between the bundled pages and the integration (two copies of this module).
 */
const requests: Map<string, CardRequest> = ((
  globalThis as { __svShareCards?: Map<string, CardRequest> }
).__svShareCards ??= new Map());

/** Records the card at `request.path`; asking twice for one path keeps the last request. */
export function requestShareCard(request: CardRequest): void {
  requests.set(request.path, request);
}

/** Every card asked for since the last call, and forgets them. */
export function takeShareCardRequests(): CardRequest[] {
  const all = [...requests.values()];
  requests.clear();
  return all;
}
