import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { close, createIndex } from 'pagefind';

/** Pagefind's ready-made interfaces: our page uses its own few lines instead (`pages/cerca.astro`). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

/** What one indexing did, for the build's log. */
export interface IndexSummary {
  pages: number;
  seconds: number;
  bytes: number;
}

/**
 * The site's search index, written by Pagefind (its Linux binary comes from npm) into `pagefind/` of the built
 * site's public folder. Only what carries `data-pagefind-body` is indexed: articles and static pages, not lists,
 * the test or the team area. Italian stemming comes from `lang="it"`. Throws when Pagefind fails: a site whose
 * search answers nothing must not go online.
 */
export async function indexSearch(site: string): Promise<IndexSummary> {
  const started = performance.now();
  const outputPath = path.join(site, 'pagefind');
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'it' });
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(added.errors.join('\n'));
    // Pagefind reads a missing or empty folder without a word: a build in another folder must not pass as indexed.
    if (added.page_count === 0) throw new Error(`no page to index in ${site}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
    const files = await readdir(outputPath);
    await Promise.all(files.filter((f) => UNUSED.test(f)).map((f) => rm(path.join(outputPath, f))));
    return {
      pages: added.page_count,
      seconds: (performance.now() - started) / 1000,
      bytes: await folderBytes(outputPath),
    };
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
