import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEST_BUILD } from './paths.ts';

const LOCK = path.join(TEST_BUILD, 'astro-in-root.lock');

/**
 * Runs `work` while no other test file runs Astro in the project folder: builds and syncs
 * there share `.astro/` and the content cache, and two at once would corrupt them.
 * (mkdir is atomic: whoever creates the folder holds the lock.)
 */
export async function withAstroLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
