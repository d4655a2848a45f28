/**
 * The largest body an on-demand route accepts: a complete test or a 5,000-character
 * comment is far below. The server refuses a larger declared body before Astro sees it
 * (src/server/boot.ts); the gate enforces it while reading a body of unknown length.
 */
export const MAX_BODY_BYTES = 32 * 1024;

/**
 * The adapter's own ceiling (`bodySizeLimit`, 1 GiB by default), above every route's
 * limit so that the route's own check, with its clear answer, always comes first.
 */
export const ADAPTER_BODY_LIMIT = 1024 * 1024;
