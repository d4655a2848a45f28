import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeShareCardRequests, type CardRequest } from '../build/share-card-requests.ts';
import { cachedShareImage, makeShareImage } from '../build/share-image.ts';
import { inParallel } from '../build/in-parallel.ts';

/** Cards rendered at the same time: satori's layout takes one core, sharp's encoding another. */
const RENDERING = 2;
/** Cached cards linked at the same time: each is a few file-system calls, so many are in flight at once. */
const LINKING = 32;

/**
 * Writes the share card every page asked for (`requestShareCard`) into the built site, from the disk cache or
 * made now. Done here, once the pages are built, rather than by a route per card: a cached card then costs a
 * hard link to the cached file (a copy across file systems), where a prerendered route cost ~4 ms (4 s of a
 * 1,000-article build). Started as soon as the pages are written, beside Astro's last steps (the sitemap, moving
 * assets); the build waits for it at the end. Cards exist in a build only, not in `astro dev`.
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
  const requests = takeShareCardRequests();
  const folders = new Map<string, Promise<unknown>>();
  const publish = async (card: string, to: string) => {
    const target = path.join(site, to);
    const folder = path.dirname(target);
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    // The cached file is never changed in place (a new card is a new name), so a link to it is safe. A card from
    // the last build into the same folder may be there: replaced, never written through.
    await link(card, target).catch(async () => {
      await rm(target, { force: true });
      await link(card, target).catch(() => copyFile(card, target));
    });
  };
  const toMake: { request: CardRequest; card: Awaited<ReturnType<typeof cachedShareImage>> }[] = [];
  await inParallel(requests, LINKING, async (request) => {
    const card = await cachedShareImage(cacheDir, request.text, request.coverPath);
    if (card.cached) await publish(card.file, request.path);
    else toMake.push({ request, card });
  });
  await inParallel(toMake, RENDERING, async ({ request, card }) => {
    await makeShareImage(card.file, card.source);
    await publish(card.file, request.path);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `${requests.length} share cards in ${seconds} s: ${toMake.length} made, ${requests.length - toMake.length} from the cache`,
  );
}
