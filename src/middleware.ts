import { defineMiddleware } from 'astro:middleware';
import { getRuntime } from './server/runtime.ts';
import { guardAdmin } from './server/admin/guard.ts';
import { installSecurityHeaders } from './server/http/security-headers.ts';

declare global {
  var __segnalazioneBoot: boolean | undefined;
}

// Set by the built server's entry at start-up (see src/integrations/start-runtime-at-boot.ts),
// before it listens: headers on every response, then configuration, database and outbox worker.
if (globalThis.__segnalazioneBoot) {
  installSecurityHeaders();
  getRuntime();
}

export const onRequest = defineMiddleware((context, next) => {
  if (!context.isPrerendered && (context.url.pathname === '/admin' || context.url.pathname.startsWith('/admin/')))
    return guardAdmin(context, next);
  return next();
});
