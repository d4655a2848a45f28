import { EDITOR_API_PATH } from '../../lib/paths.ts';

/**
 * The largest body an on-demand route accepts: a complete test or a 5,000-character
 * comment is far below. The server refuses a larger declared body before Astro sees it
 * (src/server/boot.ts); the gate enforces it while reading a body of unknown length.
 */
export const MAX_BODY_BYTES = 32 * 1024;

/**
 * What the web editor may send in one request: a cover image of up to ~9 MB, base64-encoded. Only a request
 * with a live session gets this limit (the gate looks the session up first); anyone else gets 32 KB.
 */
export const EDITOR_BODY_BYTES = 12 * 1024 * 1024;

/** The largest body a path can ever take (before the session is known). */
export function declaredBodyLimit(url: string): number {
  const pathname = url.split('?')[0].replace(/\/$/, '');
  return pathname === EDITOR_API_PATH ? EDITOR_BODY_BYTES : MAX_BODY_BYTES;
}

/**
 * The adapter's own ceiling (`bodySizeLimit`, 1 GiB by default), above every route's
 * limit so that the route's own check, with its clear answer, always comes first.
 */
export const ADAPTER_BODY_LIMIT = 16 * 1024 * 1024;
