import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Gives Astro the same server-island key on every build of this checkout, unless `ASTRO_KEY` is set: Astro
 * otherwise draws a new AES key per build, and its incremental build must then render every page that carries
 * an island (each article, for its comments) again. The key is kept beside Astro's other build caches in
 * `node_modules/.astro/` and is no more secret there than in the built server, whose manifest carries it.
 */
export function useStableServerIslandKey(cacheDir: URL): void {
  if (process.env.ASTRO_KEY) return;
  const file = fileURLToPath(new URL('server-island-key', cacheDir));
  let key = '';
  try {
    key = readFileSync(file, 'utf8').trim();
  } catch {
    // first build of this checkout
  }
  if (!key) {
    // 256 bits, base64: what `astro create-key` prints.
    key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
    mkdirSync(fileURLToPath(cacheDir), { recursive: true });
    writeFileSync(file, key, { mode: 0o600 });
  }
  process.env.ASTRO_KEY = key;
}
