import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TEST_DIST } from './paths.ts';

/**
 * A releases folder (inside the project, where a built server finds node_modules) whose
 * `current` release is a copy of the test build, built "now": `npm start` serves it
 * without building, unless content changes after this call.
 */
export async function releasesFromTestBuild(dir: string): Promise<void> {
  const id = '20000101T000000';
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(TEST_DIST, path.join(dir, id), { recursive: true });
  await writeFile(path.join(dir, id, 'release.json'), JSON.stringify({ id, builtAt: new Date().toISOString() }));
  await symlink(id, path.join(dir, 'current'));
}
