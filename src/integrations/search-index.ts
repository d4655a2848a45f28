import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Pagefind's ready-made interfaces: our page uses its own few lines instead (`pages/cerca.astro`). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

/**
 * The site's search index, written by Pagefind (its Linux binary comes from npm) into `pagefind/` once the pages
 * are built. Only what carries `data-pagefind-body` is indexed: articles and static pages, not lists, the test
 * or the team area. Italian stemming comes from `lang="it"`. A failure stops the build: a site whose search
 * answers nothing must not go online.
 */
export function searchIndex(): AstroIntegration {
  let indexing: Promise<void> | undefined;
  return {
    name: 'segnalazione:search-index',
    hooks: {
      // Started as soon as the pages are written, so that Pagefind's own process indexes them while this one
      // writes the sitemap and the share cards; the build waits for it at the end.
      'astro:build:generated': ({ dir, logger }) => {
        indexing = indexSite(dir, logger);
        // Awaited by `astro:build:done`; this only keeps a failure from being reported as unhandled first.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        await (indexing ?? indexSite(dir, logger));
        indexing = undefined;
      },
    },
  };
}

async function indexSite(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const site = fileURLToPath(dir);
  const outputPath = path.join(site, 'pagefind');
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'it' });
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    const files = await readdir(outputPath);
    await Promise.all(files.filter((f) => UNUSED.test(f)).map((f) => rm(path.join(outputPath, f))));
    const bytes = await folderBytes(outputPath);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info(`${added.page_count} pages indexed for search in ${seconds} s (${(bytes / 1e6).toFixed(1)} MB)`);
  } catch (error) {
    throw new Error(`Pagefind could not index the site: ${error instanceof Error ? error.message : error}`);
  } finally {
    await close();
  }
}

async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(path.join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
