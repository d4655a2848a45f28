import { defineMiddleware } from 'astro:middleware';
import { getRuntime, StorageUnavailable } from './server/runtime.ts';
import { unavailable } from './server/http/responses.ts';
import { guardAdmin } from './server/admin/guard.ts';
import { gate } from './server/http/gate.ts';
import { boot } from './server/boot.ts';

// Set by the built server's entry at start-up (see src/integrations/start-runtime-at-boot.ts),
// before it listens: headers on every response, then configuration, database and outbox worker.
if (globalThis.__segnalazioneBoot) await boot();

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  let rt;
  try {
    rt = await getRuntime();
  } catch (error) {
    if (error instanceof StorageUnavailable) return unavailable(context.url.pathname, context.request);
    throw error;
  }
  return gate(
    context,
    () => {
      const path = context.url.pathname;
      return path === '/admin' || path.startsWith('/admin/') ? guardAdmin(context, next, rt) : next();
    },
    rt,
  );
});
