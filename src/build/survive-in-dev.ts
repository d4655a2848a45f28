import path from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * In `npm run dev`, a content file that Astro cannot read (bad YAML, a wrong field) must not stop the preview:
 * Astro's glob loader throws on the first such file at start-up and `astro dev` exits, so the author sees no
 * page at all and an English error in a terminal. In dev this keeps the server up and loads the folder again at
 * each change under it until a load succeeds (from then on Astro's own watcher reloads single files);
 * meanwhile `integrations/content-errors.ts` answers every page with the Italian list of what to fix. Builds do
 * not use it: there the same check stops the build before Astro reads a file.
 */
export function surviveInDev(loader: Loader, dev: boolean, folder: string): Loader {
  if (!dev) return loader;
  return {
    ...loader,
    async load(context) {
      try {
        await loader.load(context);
      } catch (error) {
        const { watcher, logger } = context;
        logger.warn(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
        if (!watcher) return;
        const base = path.resolve(folder);
        const retry = async (changed: string) => {
          if (!path.resolve(changed).startsWith(base + path.sep)) return;
          try {
            await loader.load(context);
            watcher.off('change', retry);
            watcher.off('add', retry);
            logger.info(`${folder}: contenuti di nuovo corretti`);
          } catch {
            // still wrong: the preview keeps showing the list of errors
          }
        };
        // Astro adds the folder to the watcher only after a load succeeds.
        watcher.add(base);
        watcher.on('change', retry);
        watcher.on('add', retry);
      }
    },
  };
}
