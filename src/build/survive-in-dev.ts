import path from 'node:path';
import type { Loader } from 'astro/loaders';

/**
 * The folders whose load failed in `npm run dev`, with the load to try again. Shared through `globalThis`: the
 * content config and `integrations/content-errors.ts` are loaded apart (two copies of this module), in one process.
 */
const failed: Map<string, () => Promise<boolean>> = ((
  globalThis as { __svFailedContentLoads?: Map<string, () => Promise<boolean>> }
).__svFailedContentLoads ??= new Map());

/**
 * Loads again every folder whose load failed, now that the content check passes. A saved file alone is not
 * enough: the watcher may report it while the editor has only emptied it (the load fails again) and swallow the
 * write that follows within a few milliseconds, and the preview then answered 404 for the fixed article forever.
 */
export async function reloadFailedContent(): Promise<void> {
  await Promise.all([...failed.values()].map((reload) => reload()));
}

/**
 * In `npm run dev`, a content file that Astro cannot read (bad YAML, a wrong field) must not stop the preview:
 * Astro's glob loader throws on the first such file at start-up and `astro dev` exits, so the author sees no
 * page at all and an English error in a terminal. In dev this keeps the server up and loads the folder again
 * until a load succeeds (from then on Astro's own watcher reloads single files): at each change under it, and
 * whenever `integrations/content-errors.ts` finds the content correct again, which it checks on every page;
 * meanwhile that check answers every page with the Italian list of what to fix. Builds do not use it: there the
 * same check stops the build before Astro reads a file.
 */
export function surviveInDev(loader: Loader, dev: boolean, folder: string): Loader {
  if (!dev) return loader;
  return {
    ...loader,
    async load(context) {
      try {
        await loader.load(context);
        failed.delete(folder);
      } catch (error) {
        const { watcher, logger } = context;
        logger.warn(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
        const base = path.resolve(folder);
        let inFlight: Promise<boolean> | undefined;
        // Emptied first, so that every entry is set again and the store is written out: an entry the failed load
        // left behind with the same digest would otherwise be skipped, and the pages kept reading the old store.
        const reload = () =>
          (inFlight ??= Promise.resolve()
            .then(() => context.store.clear())
            .then(() => loader.load(context))
            .then(
              () => {
                failed.delete(folder);
                watcher?.off('change', onChange);
                watcher?.off('add', onChange);
                logger.info(`${folder}: contenuti di nuovo corretti`);
                return true;
              },
              // Still wrong: the preview keeps showing the list of errors.
              () => false,
            )).finally(() => (inFlight = undefined));
        const onChange = (changed: string) => {
          if (path.resolve(changed).startsWith(base + path.sep)) void reload();
        };
        failed.set(folder, reload);
        if (!watcher) return;
        // Astro adds the folder to the watcher only after a load succeeds.
        watcher.add(base);
        watcher.on('change', onChange);
        watcher.on('add', onChange);
      }
    },
  };
}
