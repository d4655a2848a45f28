import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEST_BUILD } from './paths.ts';

const LOCK = path.join(TEST_BUILD, 'astro-in-root.lock');

/**
 * Waits until no other test file runs Astro in the project folder, and returns the release: builds, syncs and
 * `astro dev` there share `.astro/` (the dev data store, `content-modules.mjs`) and the content cache, and two
 * at once corrupt them, or hand a running dev server another process's content.
 * (mkdir is atomic: whoever creates the folder holds the lock.)
 */
export async function acquireAstroLock(): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await mkdir(LOCK);
      return () => rm(LOCK, { recursive: true, force: true });
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Runs `work` holding the lock of `acquireAstroLock`. */
export async function withAstroLock<T>(work: () => Promise<T>): Promise<T> {
  const release = await acquireAstroLock();
  try {
    return await work();
  } finally {
    await release();
  }
}
