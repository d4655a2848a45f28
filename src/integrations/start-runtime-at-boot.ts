import type { AstroIntegration } from 'astro';
import { appendFile, access } from 'node:fs/promises';

const MIDDLEWARE = 'virtual_astro_middleware.mjs';

/*
 * The standalone server loads the middleware at its first request. The outbox worker must
 * run from start-up (a restart resumes pending deliveries with no traffic), and a bad
 * setting must stop the server at once: so the built entry imports the middleware eagerly,
 * with a flag that tells it this is the server starting, not a build prerendering pages.
 */
const BOOT = `
// Appended by src/integrations/start-runtime-at-boot.ts.
globalThis.__segnalazioneBoot = true;
try {
  await import('./${MIDDLEWARE}');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
`;

export function startRuntimeAtBoot(): AstroIntegration {
  let serverDir: URL;
  return {
    name: 'segnalazione:start-runtime-at-boot',
    hooks: {
      'astro:config:done': ({ config }) => {
        serverDir = config.build.server;
      },
      'astro:build:done': async () => {
        await access(new URL(MIDDLEWARE, serverDir));
        await appendFile(new URL('entry.mjs', serverDir), BOOT);
      },
    },
  };
}
