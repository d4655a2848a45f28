import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeShareCardRequests, type CardRequest } from '../build/share-card-requests.ts';

/** Cards handled at the same time: satori's layout takes one core, sharp's encoding another. */
const PARALLEL = 2;

/**
 * Writes the share card every page asked for (`requestShareCard`) into the built site, from the disk cache or
 * made now. Done here, once the pages are built, rather than by a route per card: a cached card then costs a
 * hard link to the cached file (a copy across file systems), where a prerendered route cost ~4 ms (4 s of a
 * 1,000-article build). Started as soon as the pages are written, beside Pagefind's indexing; the build waits
 * for it at the end. Cards exist in a build only, not in `astro dev`.
 */
export function shareCards(): AstroIntegration {
  let cacheDir: string;
  let writing: Promise<void> | undefined;
  const start = (dir: URL, logger: AstroIntegrationLogger) => {
    writing = writeCards(cacheDir, fileURLToPath(dir), logger);
    // Awaited by `astro:build:done`; this only keeps a failure from being reported as unhandled first.
    writing.catch(() => {});
  };
  return {
    name: 'segnalazione:share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'share-images');
      },
      'astro:build:generated': ({ dir, logger }) => start(dir, logger),
      'astro:build:done': async ({ dir, logger }) => {
        if (!writing) start(dir, logger);
        await writing;
        writing = undefined;
      },
    },
  };
}

async function writeCards(cacheDir: string, site: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  // Loaded here, not with the config: satori and sharp take ~0.3 s to load, which `astro dev` never needs.
  const { shareImageFile } = await import('../build/share-image.ts');
  const queue = takeShareCardRequests();
  const total = queue.length;
  const folders = new Set<string>();
  let made = 0;
  const write = async ({ path: to, text, coverPath }: CardRequest) => {
    const card = await shareImageFile(cacheDir, text, coverPath);
    const target = path.join(site, to);
    const folder = path.dirname(target);
    if (!folders.has(folder)) await mkdir(folder, { recursive: true });
    folders.add(folder);
    // A card from the last build into the same folder may be there: replaced, never written through.
    await rm(target, { force: true });
    // The cached file is never changed in place (a new card is a new name), so a link to it is safe.
    await link(card.file, target).catch(() => copyFile(card.file, target));
    if (card.made) made++;
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await write(next);
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(`${total} share cards in ${seconds} s: ${made} made, ${total - made} from the cache`);
}
