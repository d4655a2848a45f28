import { defineMiddleware } from 'astro:middleware';
import { getRuntime } from './server/runtime.ts';

declare global {
  var __segnalazioneBoot: boolean | undefined;
}

// Set by the built server's entry at start-up (see src/integrations/start-runtime-at-boot.ts).
if (globalThis.__segnalazioneBoot) getRuntime();

export const onRequest = defineMiddleware((_context, next) => next());
