import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeShareCardRequests, type CardRequest } from '../build/share-card-requests.ts';

/** Cards made at the same time: satori's layout takes one core, sharp's encoding another. */
const PARALLEL = 2;

/**
 * Writes the share card every page asked for (`requestShareCard`) into the built site, from the disk cache or
 * made now. Done here, once the pages are built, rather than by a route per card: a cached card then costs one
 * file copy, where a prerendered route cost ~4 ms (4 s of a 1,000-article build). Cards exist in a build only,
 * not in `astro dev`.
 */
export function shareCards(): AstroIntegration {
  let cacheDir: string;
  return {
    name: 'segnalazione:share-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'share-images');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Loaded here, not with the config: satori and sharp take ~0.3 s to load, which `astro dev` never needs.
        const { shareImageFile } = await import('../build/share-image.ts');
        const queue = takeShareCardRequests();
        const total = queue.length;
        const folders = new Set<string>();
        let made = 0;
        const write = async ({ path: to, text, coverPath }: CardRequest) => {
          const card = await shareImageFile(cacheDir, text, coverPath);
          const target = path.join(fileURLToPath(dir), to);
          const folder = path.dirname(target);
          if (!folders.has(folder)) await mkdir(folder, { recursive: true });
          folders.add(folder);
          await copyFile(card.file, target);
          if (card.made) made++;
        };
        await Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            for (let next = queue.shift(); next; next = queue.shift()) await write(next);
          }),
        );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${total} share cards in ${seconds} s: ${made} made, ${total - made} from the cache`);
      },
    },
  };
}
