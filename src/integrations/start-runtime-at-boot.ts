import type { AstroIntegration } from 'astro';
import { readFile, writeFile, access } from 'node:fs/promises';

const MIDDLEWARE = 'virtual_astro_middleware.mjs';

/*
 * The standalone server starts listening as its entry module loads, and loads the
 * middleware only at the first request. But the outbox worker must run from start-up (a
 * restart resumes pending deliveries with no traffic), a bad setting must stop the server
 * before it listens, static files need the security headers too, and a new release must
 * be able to listen beside the old one (`reusePort`) and the old one stop gracefully. So
 * the built entry is changed: its autostart is held back, the middleware is imported
 * eagerly with a flag that says "the server is starting" (not "a build is prerendering"),
 * and our own listener (src/server/boot.ts) serves the adapter's request handler.
 */
const HOLD = `// Prepended by src/integrations/start-runtime-at-boot.ts: listen only once the runtime is up.
const __svAutostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
`;

const BOOT = `
// Appended by src/integrations/start-runtime-at-boot.ts.
globalThis.__segnalazioneBoot = true;
try {
  await import('./${MIDDLEWARE}');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (__svAutostart) globalThis.__segnalazioneServe(handler);
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
        const entry = new URL('entry.mjs', serverDir);
        const code = await readFile(entry, 'utf8');
        if (!/export \{[^}]*\bhandler\b/.test(code))
          throw new Error('@astrojs/node changed its entry: handler is gone');
        await writeFile(entry, HOLD + code + BOOT);
      },
    },
  };
}
